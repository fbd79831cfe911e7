package vn.bantin.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.BantinApplication;
import vn.bantin.SchedulerName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application on a content folder of its own: files changed while it runs are
 * loaded without a restart, through change events, or through polling alone, and a burst
 * of saves loads only a few times.
 */
class ContentWatcherTests {

	private static final Duration WITHIN = Duration.ofSeconds(10);

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

	@TempDir
	Path temp;

	@Test
	void changedFilesLoadWithoutRestartThroughChangeEvents() throws IOException {
		Path content = this.temp.resolve("content");
		write(content, "plans/p.md", PLAN);
		write(content, "items/tin.md", item("tin-moi", "Tin mới"));
		write(content, "items/hong.md", item("tin-hong", "Tin hỏng").replace("[thu-tuc]", "[khong-co]"));
		Set<Thread> watchersBefore = watcherThreads();

		// polling off (where the JDK watches natively): only change events can reload
		try (ConfigurableApplicationContext app = start(content,
				"--bantin.content.poll-interval=" + eventsOnlyPolling(), "--bantin.content.quiet-period=200ms")) {
			assertThat(title(app, "tin-moi")).contains("Tin mới");
			assertThat(title(app, "tin-hong")).isEmpty();
			assertThat(problems(app)).containsExactly("items/hong.md");
			assertThat(watcherThreads()).hasSize(watchersBefore.size() + 1);

			// (a) a broken file, fixed, loads
			write(content, "items/hong.md", item("tin-hong", "Tin hỏng"));
			await().atMost(WITHIN).until(() -> title(app, "tin-hong").isPresent() && problems(app).isEmpty());

			// (b) an edited title is updated; saved as editors do: temporary file, rename
			Path temporary = write(content, "items/.tin.md.swp", item("tin-moi", "Tin mới (sửa)"));
			Files.move(temporary, content.resolve("items/tin.md"), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			await().atMost(WITHIN).until(() -> title(app, "tin-moi").equals(Optional.of("Tin mới (sửa)")));

			// (c) a deleted file archives its item
			Files.delete(content.resolve("items/tin.md"));
			await().atMost(WITHIN).until(() -> status(app, "tin-moi") == ItemStatus.ARCHIVED);

			// (d) a new file loads
			write(content, "items/them.md", item("tin-them", "Tin thêm"));
			await().atMost(WITHIN).until(() -> title(app, "tin-them").isPresent());

			// (e) an item loads once its attachment appears in a media folder created
			// later
			write(content, "items/anh.md", item("tin-anh", "Tin ảnh").replace("themes: [thu-tuc]", """
					themes: [thu-tuc]
					attachments:
					  - file: media/2026/anh.pdf
					    title: Ảnh"""));
			await().atMost(WITHIN).until(() -> problems(app).contains("items/anh.md"));
			write(content, "media/2026/anh.pdf", "%PDF-1.4");
			await().atMost(WITHIN).until(() -> title(app, "tin-anh").isPresent() && problems(app).isEmpty());
		}
		assertThat(watcherThreads()).as("no watcher thread is left behind").isSubsetOf(watchersBefore);
	}

	@Test
	void pollingAloneNoticesAFolderThatAppearsAndItsChanges() throws IOException {
		Path content = this.temp.resolve("content");

		try (ConfigurableApplicationContext app = start(content, "--bantin.content.watch=false",
				"--bantin.content.poll-interval=200ms", "--bantin.content.quiet-period=100ms")) {
			assertThat(title(app, "tin-moi")).isEmpty();

			// the folder did not exist at start
			write(content, "plans/p.md", PLAN);
			write(content, "items/tin.md", item("tin-moi", "Tin mới"));
			await().atMost(WITHIN).until(() -> title(app, "tin-moi").isPresent());

			write(content, "items/tin.md", item("tin-moi", "Tin mới (sửa)"));
			await().atMost(WITHIN).until(() -> title(app, "tin-moi").equals(Optional.of("Tin mới (sửa)")));
		}
	}

	@Test
	void aBurstOfSavesLoadsOnlyAFewTimes() throws IOException {
		Path content = this.temp.resolve("content");
		write(content, "plans/p.md", PLAN);
		write(content, "items/tin.md", item("tin-moi", "Tin 0"));

		try (ConfigurableApplicationContext app = start(content, "--bantin.content.quiet-period=500ms")) {
			ContentWatcher watcher = app.getBean(ContentWatcher.class);
			assertThat(title(app, "tin-moi")).contains("Tin 0");
			int before = watcher.reloads();

			for (int i = 1; i <= 20; i++) {
				Path temporary = write(content, "items/tin.md.tmp", item("tin-moi", "Tin " + i));
				Files.move(temporary, content.resolve("items/tin.md"), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}

			await().atMost(WITHIN).until(() -> title(app, "tin-moi").equals(Optional.of("Tin 20")));
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> watcher.reloads() - before <= 2);
			assertThat(watcher.reloads() - before).isBetween(1, 2);
		}
	}

	static String item(String id, String title) {
		return """
				---
				id: %s
				kind: news
				title: %s
				themes: [thu-tuc]
				---
				Nội dung.
				""".formatted(id, title);
	}

	private ConfigurableApplicationContext start(Path content, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				SchedulerName.argument(this.temp.resolve("data")), "--bantin.data-dir=" + this.temp.resolve("data"),
				"--bantin.content-dir=" + content, "--bantin.account.initial-admin-password=watcher-test-password"));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(BantinApplication.class).run(arguments.toArray(String[]::new));
	}

	private static Path write(Path content, String path, String text) throws IOException {
		Path file = content.resolve(path).normalize();
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static Optional<String> title(ConfigurableApplicationContext app, String id) {
		return Optional.ofNullable(view(app, id)).map(ItemView::title);
	}

	private static ItemStatus status(ConfigurableApplicationContext app, String id) {
		ItemView view = view(app, id);
		return (view != null) ? view.status() : null;
	}

	private static ItemView view(ConfigurableApplicationContext app, String id) {
		ItemStore items = app.getBean(ItemStore.class);
		return app.getBean(TransactionTemplate.class).execute((tx) -> items.findById(id).map(Item::view).orElse(null));
	}

	private static List<String> problems(ConfigurableApplicationContext app) {
		return app.getBean(ContentFolder.class).problems().stream().map(ContentProblem::file).toList();
	}

	private static Set<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(ContentWatcher.THREAD_NAME) && thread.isAlive())
			.collect(Collectors.toSet());
	}

	/**
	 * Polling off where the JDK watches natively; where its watch service polls itself
	 * (macOS, every 10 s) a short interval keeps the test quick.
	 */
	private static String eventsOnlyPolling() throws IOException {
		try (WatchService service = FileSystems.getDefault().newWatchService()) {
			return service.getClass().getSimpleName().contains("Polling") ? "1s" : "0";
		}
	}

}
