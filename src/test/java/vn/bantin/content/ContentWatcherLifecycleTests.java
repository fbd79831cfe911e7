package vn.bantin.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.system.BantinProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watcher on its own, with a loader that only counts: it survives a failing load,
 * ignores files that are not content, and stops its thread.
 */
class ContentWatcherLifecycleTests {

	@TempDir
	Path content;

	@Test
	void aFailingLoadIsRetriedAndTheWatcherKeepsWatching() throws IOException {
		CountingFolder folder = new CountingFolder(this.content, 1);
		ContentWatcher watcher = watcher(folder,
				new ContentSettings(Duration.ofMillis(100), Duration.ofMillis(50), true));
		watcher.start();
		try {
			Files.createDirectories(this.content.resolve("items"));
			Files.writeString(this.content.resolve("items/tin.md"), "a", StandardCharsets.UTF_8);
			// the first load fails; the next one, without any further change, succeeds
			await().atMost(Duration.ofSeconds(10)).until(() -> watcher.reloads() >= 1);
			assertThat(folder.calls.get()).isGreaterThanOrEqualTo(2);

			int reloads = watcher.reloads();
			Files.writeString(this.content.resolve("items/tin.md"), "ab", StandardCharsets.UTF_8);
			await().atMost(Duration.ofSeconds(10)).until(() -> watcher.reloads() > reloads);
			assertThat(watcher.isRunning()).isTrue();
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void filesThatAreNotContentCauseNoLoad() throws IOException {
		Files.createDirectories(this.content.resolve("items"));
		CountingFolder folder = new CountingFolder(this.content, 0);
		ContentWatcher watcher = watcher(folder, new ContentSettings(Duration.ofMillis(50), Duration.ZERO, true));
		watcher.start();
		try {
			Files.writeString(this.content.resolve("README.md"), "notes", StandardCharsets.UTF_8);
			Files.writeString(this.content.resolve("items/tin.md~"), "backup", StandardCharsets.UTF_8);
			Files.writeString(this.content.resolve("items/notes.txt"), "notes", StandardCharsets.UTF_8);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> folder.calls.get() == 0);
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void stopEndsTheThreadAndAStoppedWatcherCanStartAgain() {
		ContentWatcher watcher = watcher(new CountingFolder(this.content, 0),
				new ContentSettings(Duration.ofSeconds(5), Duration.ofMillis(500), true));
		long before = watcherThreads();
		watcher.start();
		assertThat(watcher.isRunning()).isTrue();
		assertThat(watcherThreads()).isEqualTo(before + 1);

		watcher.stop();
		assertThat(watcher.isRunning()).isFalse();
		assertThat(watcherThreads()).isEqualTo(before);

		watcher.start();
		watcher.stop();
		assertThat(watcherThreads()).isEqualTo(before);
	}

	@Test
	void withWatchingAndPollingOffNoThreadStarts() {
		ContentWatcher watcher = watcher(new CountingFolder(this.content, 0),
				new ContentSettings(Duration.ZERO, Duration.ofMillis(500), false));
		long before = watcherThreads();
		watcher.start();
		assertThat(watcher.isRunning()).isTrue();
		assertThat(watcherThreads()).isEqualTo(before);
		watcher.stop();
	}

	@Test
	void theFingerprintCoversMarkdownAndMediaFilesOnly() throws IOException {
		Files.createDirectories(this.content.resolve("plans"));
		Files.createDirectories(this.content.resolve("media/2026"));
		Files.createDirectories(this.content.resolve("other"));
		Files.writeString(this.content.resolve("plans/p.md"), "p", StandardCharsets.UTF_8);
		Files.writeString(this.content.resolve("plans/p.md.swp"), "p", StandardCharsets.UTF_8);
		Files.writeString(this.content.resolve("media/2026/anh.pdf"), "pdf", StandardCharsets.UTF_8);
		Files.writeString(this.content.resolve("other/x.md"), "x", StandardCharsets.UTF_8);
		Files.writeString(this.content.resolve("README.md"), "r", StandardCharsets.UTF_8);

		ContentFingerprint scan = ContentFingerprint.of(this.content);

		assertThat(scan.files()).containsOnlyKeys("plans/p.md", "media/2026/anh.pdf");
		assertThat(scan.folders()).containsExactlyInAnyOrder(this.content, this.content.resolve("plans"),
				this.content.resolve("media"), this.content.resolve("media/2026"));
		assertThat(ContentFingerprint.of(this.content.resolve("missing"))).isNull();
	}

	private ContentWatcher watcher(ContentFolder folder, ContentSettings settings) {
		return new ContentWatcher(folder, properties(this.content), settings);
	}

	private static BantinProperties properties(Path content) {
		return new BantinProperties(Path.of("data"), ZoneId.of("Asia/Ho_Chi_Minh"), content, Path.of("schedules"));
	}

	private static long watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(ContentWatcher.THREAD_NAME) && thread.isAlive())
			.count();
	}

	/** A loader that counts its calls and fails the first {@code failures} of them. */
	static class CountingFolder extends ContentFolder {

		final AtomicInteger calls = new AtomicInteger();

		private final int failures;

		CountingFolder(Path content, int failures) {
			super(properties(content), null, null, null, null, null, null);
			this.failures = failures;
		}

		@Override
		synchronized List<ContentProblem> load() {
			if (this.calls.incrementAndGet() <= this.failures) {
				throw new IllegalStateException("the database is away");
			}
			return List.of();
		}

	}

}
