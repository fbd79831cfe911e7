package vn.bantin.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.BantinApplication;
import vn.bantin.SchedulerName;
import vn.bantin.commune.CommuneFolders;
import vn.bantin.commune.Communes;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A province on a communes folder ({@code bantin.communes-dir}): each commune's files
 * load into that commune only, the same file name in two communes makes two items, a bad
 * {@code commune.yaml} keeps its commune out (reported with file, line and column) and
 * not the others, and a changed file reloads in its own commune.
 */
class ProvinceContentTests {

	private static final Duration WITHIN = Duration.ofSeconds(15);

	@TempDir
	Path temp;

	@Test
	void eachCommuneLoadsItsOwnFilesIntoItsOwnScope() throws IOException {
		Path communes = this.temp.resolve("communes");
		writeCommune(communes, "xa-a", "a.localhost");
		write(communes, "xa-a/content/items/tin.md", ContentWatcherTests.item("tin", "Tin của xã A"));
		write(communes, "xa-a/content/items/chi-a.md", ContentWatcherTests.item("chi-a", "Chỉ xã A"));
		writeCommune(communes, "xa-b", "b.localhost");
		write(communes, "xa-b/content/items/tin.md", ContentWatcherTests.item("tin", "Tin của xã B"));
		write(communes, "xa-c/commune.yaml", communeYaml("xa-c", "c.localhost") + "zone: Sao/Hỏa\n");
		write(communes, "xa-c/content/plans/p.md", ContentWatcherTests.PLAN);
		write(communes, "xa-c/content/items/tin.md", ContentWatcherTests.item("tin", "Tin của xã C"));

		try (ConfigurableApplicationContext app = start(communes)) {
			CurrentCommune.Scope a = scope(app, "xa-a");
			CurrentCommune.Scope b = scope(app, "xa-b");
			assertThat(a.id()).isNotEqualTo(b.id()).isNotEqualTo(CurrentCommune.DEFAULT);

			// same file name, two items, each seen in its commune only
			assertThat(title(app, a, "tin")).contains("Tin của xã A");
			assertThat(title(app, b, "tin")).contains("Tin của xã B");
			assertThat(ids(app, a)).containsExactlyInAnyOrder(CommuneTenancy.key(a.id(), "tin"),
					CommuneTenancy.key(a.id(), "chi-a"));
			assertThat(ids(app, b)).containsExactly(CommuneTenancy.key(b.id(), "tin"));
			assertThat(find(app, a, CommuneTenancy.key(b.id(), "tin"))).isEmpty();
			assertThat(find(app, b, CommuneTenancy.key(a.id(), "chi-a"))).isEmpty();
			assertThat(ids(app, scope(app, "default"))).isEmpty();

			// a bad commune.yaml: reported where it is, that commune not loaded, the
			// others
			// are
			assertThat(app.getBean(Communes.class).scope("xa-c")).isEmpty();
			assertThat(app.getBean(CommuneFolders.class).problems()).extracting(Object::toString)
				.singleElement()
				.asString()
				.startsWith("xa-c/commune.yaml:8:7: field 'zone': 'Sao/Hỏa'");

			// a change reloads in its own commune only
			write(communes, "xa-b/content/items/tin.md", ContentWatcherTests.item("tin", "Tin của xã B (sửa)"));
			write(communes, "xa-b/content/items/moi.md", ContentWatcherTests.item("moi", "Tin mới của xã B"));
			await().atMost(WITHIN)
				.until(() -> title(app, b, "moi").isPresent()
						&& title(app, b, "tin").equals(Optional.of("Tin của xã B (sửa)")));
			assertThat(title(app, a, "tin")).contains("Tin của xã A");
			assertThat(find(app, a, CommuneTenancy.key(a.id(), "moi"))).isEmpty();
			assertThat(ids(app, a)).hasSize(2);

			// each commune's problems are its own
			write(communes, "xa-a/content/items/hong.md", ContentWatcherTests.item("hong", "[Hỏng"));
			await().atMost(WITHIN)
				.until(() -> CurrentCommune.call(a, () -> app.getBean(ContentFolder.class).problems()).size() == 1);
			assertThat(CurrentCommune.call(b, () -> app.getBean(ContentFolder.class).problems())).isEmpty();
		}
	}

	static String communeYaml(String key, String host) {
		return """
				name: UBND %s
				short-name: %s
				level: xã
				parent-units: [tỉnh Thanh Hóa]
				website-url: http://%s/
				hosts: [%s]
				signer-title: Chủ tịch
				""".formatted(key, key, host, host);
	}

	private static void writeCommune(Path communes, String key, String host) throws IOException {
		write(communes, key + "/commune.yaml", communeYaml(key, host));
		write(communes, key + "/content/plans/p.md", ContentWatcherTests.PLAN);
	}

	private ConfigurableApplicationContext start(Path communes) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				SchedulerName.argument(this.temp.resolve("data")), "--bantin.data-dir=" + this.temp.resolve("data"),
				"--bantin.communes-dir=" + communes, "--bantin.content.quiet-period=200ms",
				"--bantin.content.poll-interval=1s", "--bantin.account.initial-admin-password=province-test-password"));
		return new SpringApplicationBuilder(BantinApplication.class).run(arguments.toArray(String[]::new));
	}

	private static CurrentCommune.Scope scope(ConfigurableApplicationContext app, String key) {
		return app.getBean(Communes.class).scope(key).orElseThrow();
	}

	private static Path write(Path root, String path, String text) throws IOException {
		Path file = root.resolve(path).normalize();
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static Optional<String> title(ConfigurableApplicationContext app, CurrentCommune.Scope scope, String slug) {
		return find(app, scope, CommuneTenancy.key(scope.id(), slug)).map(ItemView::title);
	}

	private static Optional<ItemView> find(ConfigurableApplicationContext app, CurrentCommune.Scope scope, String id) {
		ItemStore items = app.getBean(ItemStore.class);
		return CurrentCommune.call(scope,
				() -> app.getBean(TransactionTemplate.class).execute((tx) -> items.findById(id).map(Item::view)));
	}

	private static List<String> ids(ConfigurableApplicationContext app, CurrentCommune.Scope scope) {
		ItemStore items = app.getBean(ItemStore.class);
		return CurrentCommune.call(scope, () -> app.getBean(TransactionTemplate.class)
			.execute((tx) -> items.findAll().stream().map((item) -> item.view().id()).toList()));
	}

}
