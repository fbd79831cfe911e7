package vn.bantin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bantin.jar export-site --all} on a province of two sample communes that both
 * have an item with the same slug: one folder per commune, each with its own items only,
 * its own addresses, and nothing of the other's.
 */
class ProvinceExportTests {

	static final String SLUG = "thong-bao-chung-cua-hai-phuong";

	@Test
	void everyCommuneIsExportedIntoAFolderOfItsOwnWithItsOwnItemsAndAddresses(@TempDir Path temp) throws IOException {
		Path communes = temp.resolve("communes");
		for (String key : List.of("ham-rong", "ben-en")) {
			FileSystemUtils.copyRecursively(Path.of("sample/province", key), communes.resolve(key));
			Files.writeString(communes.resolve(key + "/content/items/" + SLUG + ".md"), """
					---
					id: %s
					kind: announcement
					title: Thông báo chung của %s
					summary: Chỉ %s có đoạn này.
					status: approved
					approved-by: Chủ tịch
					publish-at: 2026-11-20 07:00
					channels: [web, feed]
					---

					Nội dung riêng của %s.
					""".formatted(SLUG, key, key.toUpperCase(java.util.Locale.ROOT), key), StandardCharsets.UTF_8);
		}
		Path site = temp.resolve("trang tĩnh");
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		int status = new CommandLine(new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8), Clock.systemUTC())
			.run(new String[] { "export-site", site.toString(), "--all", "--bantin.data-dir=" + temp.resolve("data"),
					"--bantin.communes-dir=" + communes, "--bantin.province.host=tinh.localhost",
					"--bantin.account.initial-admin-password=mat-khau-xuat-trang", "--logging.level.root=WARN",
					SchedulerName.argument(temp.resolve("data")) }, (args) -> {
						throw new AssertionError("export-site must not keep a server running");
					}, (args) -> SpringApplication.run(BantinApplication.class, args));
		String out = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
		assertThat(status).as(out).isZero();
		assertThat(out).contains("ham-rong: ").contains("ben-en: ");
		for (String[] pair : new String[][] {
				{ "ham-rong", "ben-en", "http://hamrong.localhost:8080/", "canh-bao-cap-chay-rung-mua-kho" },
				{ "ben-en", "ham-rong", "http://benen.localhost:8080/", "phan-loai-rac-tai-nguon" } }) {
			Path own = site.resolve(pair[0]);
			String page = Files.readString(own.resolve("items/" + SLUG + "/index.html"));
			assertThat(page).contains("Nội dung riêng của " + pair[0])
				.doesNotContain("Nội dung riêng của " + pair[1])
				.contains(pair[2] + "items/" + SLUG);
			String rss = Files.readString(own.resolve("feeds/rss.xml"));
			assertThat(rss).contains("<link>" + pair[2] + "items/" + SLUG + "</link>")
				.doesNotContain(pair[1].toUpperCase(java.util.Locale.ROOT));
			assertThat(Files.readString(own.resolve("sitemap.xml"))).contains(pair[2] + "items/" + SLUG)
				.doesNotContain("~");
			try (Stream<Path> files = Files.walk(own)) {
				List<Path> all = files.filter(Files::isRegularFile).toList();
				assertThat(all).as("no file is named with a commune's id").noneMatch((f) -> f.toString().contains("~"));
				for (Path file : all) {
					if (file.toString().endsWith(".html") || file.toString().endsWith(".xml")) {
						assertThat(Files.readString(file)).as(file.toString())
							.doesNotContain("Nội dung riêng của " + pair[1])
							.as("%s names an item only the other commune has", file)
							.doesNotContain(pair[3])
							.doesNotContain("127.0.0.1");
					}
				}
			}
		}
	}

}
