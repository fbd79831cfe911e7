package vn.bantin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bantin.jar validate [DIR]}: one line per problem as
 * {@code path:line:col: message}, exit status 1 when there is any, 0 when the folder is
 * clean. Runs without starting the application.
 */
class ValidateCommandTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int validate(String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "validate";
		System.arraycopy(args, 0, command, 1, args.length);
		return new CommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8),
				java.time.Clock.fixed(java.time.Instant.parse("2026-11-29T00:00:00Z"), java.time.ZoneOffset.UTC))
			.run(command, (rest) -> {
				throw new AssertionError("validate must not start the server");
			});
	}

	@Test
	void theShippedSampleContentIsClean() {
		assertThat(validate("content")).as(this.out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("no problems");
	}

	@Test
	void aFolderWithOneFileOfEachMistakeReportsEachAndExitsWithOne(@TempDir Path folder) throws IOException {
		write(folder, "plans/plan.md", PLAN);
		write(folder, "items/good.md", item("tot", "title: Tin tốt"));
		write(folder, "items/unknown-field.md", item("a", "title: A\ncolour: red"));
		write(folder, "items/bad-yaml.md", item("b", "title: [B"));
		write(folder, "items/bad-date.md", item("c", "title: C\npublish-at: 31/12/2026"));
		write(folder, "items/unknown-theme.md", item("d", "title: D\nthemes: [khong-co]"));
		write(folder, "items/missing-title.md", item("e", "summary: Không có tiêu đề"));
		write(folder, "items/missing-media.md", item("f", "title: F\nattachments:\n  - file: media/x.pdf"));

		assertThat(validate(folder.toString())).isEqualTo(1);

		List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
		String prefix = folder + "/items/";
		assertThat(lines).hasSize(6)
			.anySatisfy((l) -> assertThat(l).startsWith(prefix + "bad-date.md:5:13: field 'publish-at': '31/12/2026'"))
			.anySatisfy((l) -> assertThat(l).startsWith(prefix + "bad-yaml.md:5:1: bad YAML"))
			.anySatisfy((l) -> assertThat(l).startsWith(prefix + "missing-media.md:6:11: field 'attachments.file'"))
			.anySatisfy((l) -> assertThat(l).isEqualTo(prefix + "missing-title.md:2:1: missing field 'title'"))
			.anySatisfy((l) -> assertThat(l).startsWith(prefix + "unknown-field.md:5:1: unknown field 'colour'"))
			.anySatisfy(
					(l) -> assertThat(l).startsWith(prefix + "unknown-theme.md:5:9: field 'themes': unknown theme"));
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("6 problem(s)");
	}

	@Test
	void aBadLineOfTheAbbreviationDictionaryIsReportedWithItsLine(@TempDir Path folder) throws IOException {
		write(folder, "radio/viet-tat.yaml", "UBND: ủy ban nhân dân\nCCHC cải cách hành chính\n");

		assertThat(validate(folder.toString())).isEqualTo(1);

		assertThat(this.out.toString(StandardCharsets.UTF_8).lines().toList())
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith(folder + "/radio/viet-tat.yaml:2:1: ");
	}

	@Test
	void withoutArgumentsTheRepositorysContentAndSchedulesAreClean() {
		assertThat(validate()).as(this.out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("content: no problems")
			.contains("schedules: no problems");
	}

	@Test
	void aBadScheduleFileBesideTheContentExitsWithOneNamingFileLineAndField(@TempDir Path root) throws IOException {
		Path content = root.resolve("content");
		write(content, "plans/plan.md", PLAN);
		write(root, "schedules/radio.yaml", """
				slots:
				  - key: ban-tin-sang
				    channel: radio
				    times: ["06:00", "25:00"]
				    length: 30m
				  - key: ban-tin-chieu
				    channel: radio
				    times: "17:00"
				    length: 30m
				campaigns:
				  - key: tuyen-truyen
				    themes: [khong-co]
				    slots: [ban-tin-chieu]
				""");

		assertThat(validate(content.toString(), "--now=2026-12-01T00:00:00Z")).isEqualTo(1);

		String schedules = root.resolve("schedules") + "/";
		assertThat(this.out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
				schedules
						+ "radio.yaml:4:22: field 'slots.times': '25:00' is not a time of day; write HH:MM, e.g. 06:00",
				schedules + "radio.yaml:12:14: field 'campaigns.themes': no plan has theme 'khong-co' (themes:"
						+ " thu-tuc)");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("2 error(s), 0 warning(s)");
	}

	@Test
	void onlyWarningsArePrintedAndExitWithZero(@TempDir Path root) throws IOException {
		Path content = root.resolve("content");
		write(content, "plans/plan.md", PLAN);
		write(content, "items/tin.md", item("tin", "title: Tin\nstatus: approved\napproved-by: Tý\nthemes: [thu-tuc]"));
		Path schedules = root.resolve("lich");
		write(schedules, "radio.yaml", """
				slots:
				  - key: ban-tin-sang
				    name: Bản tin sáng
				    channel: radio
				    times: "06:00"
				    length: 30m
				campaigns:
				  - key: khac
				    tags: [khac]
				    slots: [ban-tin-sang]
				""");

		assertThat(validate(content.toString(), "--schedules=" + schedules, "--now=2026-12-01T00:00:00Z")).isZero();

		assertThat(this.out.toString(StandardCharsets.UTF_8).lines()).containsExactly(schedules
				+ "/radio.yaml:8:10: warning: approved radio item 'tin' (items/tin.md) is selected by no campaign of a"
				+ " radio slot, so it will not air; add its theme, tag or id to a campaign, or leave 'radio' out of its"
				+ " channels");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("0 error(s), 1 warning(s)");
	}

	@Test
	void theSampleProvinceIsClean() {
		assertThat(validate("--communes=sample/province")).as(this.out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("sample/province: 3 commune(s), no problems")
			.doesNotContain("problem(s)")
			.doesNotContain("error(s)");
	}

	@Test
	void everyCommuneFolderIsCheckedAndEachProblemNamesItsCommune(@TempDir Path communes) throws IOException {
		write(communes, "xa-a/commune.yaml", communeYaml("UBND xã A", "a.localhost"));
		write(communes, "xa-a/content/items/tin.md", item("tin", "title: [A"));
		write(communes, "xa-b/commune.yaml", communeYaml("UBND xã B", "b.localhost"));
		write(communes, "xa-b/content/items/tin.md", item("tin", "title: Tin B\ncolour: red"));
		write(communes, "xa-b/schedules/radio.yaml", "slots:\n  - key: sang\n    times: \"25:00\"\n");
		write(communes, "xa-c/commune.yaml", "name: UBND xã C\nshort-name: C\nlevel: xã\nwebsite-url: ftp://c\n"
				+ "hosts: [a.localhost]\nsigner-title: Chủ tịch\nzone: Sao/Hỏa\n");

		assertThat(validate("--communes=" + communes)).isEqualTo(1);

		List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines)
			.anySatisfy((l) -> assertThat(l).startsWith(communes + "/xa-a/content/items/tin.md:5:1: bad YAML"))
			.anySatisfy((l) -> assertThat(l)
				.startsWith(communes + "/xa-b/content/items/tin.md:5:1: unknown field 'colour'"))
			.anySatisfy((l) -> assertThat(l).startsWith(communes + "/xa-b/schedules/radio.yaml:"))
			.anySatisfy((l) -> assertThat(l).startsWith(communes + "/xa-c/commune.yaml:4:14: field 'website-url'"))
			.anySatisfy((l) -> assertThat(l).startsWith(communes + "/xa-c/commune.yaml:7:7: field 'zone'"))
			.noneSatisfy((l) -> assertThat(l).contains("xa-c/content"));
	}

	@Test
	void aCommuneFolderWithoutItsFileOrWithAHostOfAnotherIsReported(@TempDir Path communes) throws IOException {
		write(communes, "xa-a/commune.yaml", communeYaml("UBND xã A", "a.localhost"));
		write(communes, "xa-b/commune.yaml", communeYaml("UBND xã B", "A.localhost:8080"));
		write(communes, "xa-c/content/items/tin.md", item("tin", "title: Tin"));
		write(communes, "Xa_D/commune.yaml", communeYaml("UBND xã D", "d.localhost"));

		assertThat(validate("--communes=" + communes)).isEqualTo(1);

		assertThat(this.out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyInAnyOrder(
				communes + "/Xa_D/:1:1: a commune folder's name is its key: lower-case letters, digits and '-'"
						+ " (e.g. hoang-trung)",
				communes + "/xa-b/commune.yaml:1:1: host 'a.localhost' is already a host of xa-a",
				communes + "/xa-c/commune.yaml:1:1: missing: each commune folder needs its commune.yaml");
	}

	static String communeYaml(String name, String host) {
		return "name: " + name + "\nshort-name: " + name.substring(name.lastIndexOf(' ') + 1) + "\nlevel: xã\n"
				+ "website-url: http://" + host + "/\nhosts: [" + host + "]\nsigner-title: Chủ tịch\n";
	}

	static final String PLAN = """
			---
			id: ke-hoach
			title: Kế hoạch
			issuer: UBND xã
			themes:
			  - key: thu-tuc
			    title: Thủ tục
			---
			""";

	@Test
	void aMissingFolderIsAUsageError(@TempDir Path folder) {
		assertThat(validate(folder.resolve("khong-co").toString())).isEqualTo(CommandLine.USAGE_ERROR);
	}

	static String item(String id, String fields) {
		return "---\nid: " + id + "\nkind: news\n" + fields + "\n---\nNội dung.\n";
	}

	static void write(Path folder, String path, String text) throws IOException {
		Path file = folder.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
