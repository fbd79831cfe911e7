package vn.bantin.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The file store writes a file whole or not at all, also with two nodes writing the same
 * target on one folder, and cleans up only what is surely abandoned.
 */
class FileStoreTests {

	static final int SIZE = 256 * 1024;

	@TempDir
	Path root;

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T01:00:00Z"), ZoneOffset.UTC);

	FileStore store(String node) throws IOException {
		return FileStore.local(this.root, NodeId.named(node), this.clock);
	}

	@Test
	void aReaderNeverSeesAHalfFileWhileItIsReplacedAgainAndAgain() throws Exception {
		FileStore store = store("web-1:8080");
		Path target = this.root.resolve("media/a/tep.bin");
		store.write(target, content('a'));
		AtomicBoolean writing = new AtomicBoolean(true);
		ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				try {
					seen.add(describe(Files.readAllBytes(target)));
				}
				catch (IOException ex) {
					seen.add("unreadable: " + ex);
				}
			}
		});
		reader.start();
		for (int i = 0; i < 200; i++) {
			store.write(target, content((char) ('a' + i % 26)));
		}
		writing.set(false);
		reader.join();
		assertThat(seen).isNotEmpty().allMatch((description) -> description.startsWith("whole "), "whole");
		assertThat(entries(target.getParent())).containsExactly("tep.bin");
	}

	@Test
	void aFailureMidWriteLeavesTheOldFileAndNoTemporary() throws Exception {
		FileStore store = store("web-1:8080");
		Path target = this.root.resolve("outbox/thu.eml");
		store.write(target, "bản cũ".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.write(target, (temporary) -> {
			Files.write(temporary, content('x'));
			throw new IOException("the disk filled up");
		})).withMessage("the disk filled up");
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> store.<Refused>write(target, (temporary) -> {
			Files.writeString(temporary, "half");
			throw new Refused();
		}));
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> store.write(target, (temporary) -> {
			// writes nothing
		}));
		assertThat(Files.readString(target)).isEqualTo("bản cũ");
		assertThat(entries(target.getParent())).containsExactly("thu.eml");
	}

	@Test
	void twoNodesWritingTheSameTargetOnOneFolderLeaveOneCompleteFileNeverAMix() throws Exception {
		FileStore first = store("web-1:8080");
		FileStore second = store("web-2:8080");
		Path target = this.root.resolve("radio/7/ban-tin.mp3");
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		for (FileStore node : List.of(first, second, first, second)) {
			char mark = node.node().value().charAt(4);
			threads.add(new Thread(() -> {
				try {
					start.await();
					for (int i = 0; i < 100; i++) {
						node.write(target, content((char) (mark + i % 5)));
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}));
		}
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				try {
					if (Files.exists(target)) {
						seen.add(describe(Files.readAllBytes(target)));
					}
				}
				catch (IOException ex) {
					seen.add("unreadable: " + ex);
				}
			}
		});
		threads.forEach(Thread::start);
		reader.start();
		start.countDown();
		for (Thread thread : threads) {
			thread.join(TimeUnit.MINUTES.toMillis(2));
		}
		writing.set(false);
		reader.join();
		assertThat(failures).isEmpty();
		assertThat(seen).allMatch((description) -> description.startsWith("whole "), "whole");
		assertThat(describe(Files.readAllBytes(target))).startsWith("whole ");
		assertThat(entries(target.getParent())).containsExactly("ban-tin.mp3");
	}

	@Test
	void aNewFileIsNeverReplacedWhoeverWroteTheNameFirst() throws Exception {
		Path target = this.root.resolve("outbox/2026-12-08/080000-000-0a1b2c3d.eml");
		store("web-1:8080").writeNew(target, (temporary) -> Files.writeString(temporary, "first"));
		assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(
				() -> store("web-2:8080").writeNew(target, (temporary) -> Files.writeString(temporary, "second")));
		assertThat(Files.readString(target)).isEqualTo("first");
		assertThat(entries(target.getParent())).containsExactly(target.getFileName().toString());
	}

	@Test
	void aFolderIsReplacedWholeAndAFailedOneLeavesThePreviousAsItWas() throws Exception {
		FileStore store = store("web-1:8080");
		Path site = this.root.resolve("exports/site");
		store.writeFolder(site, (staging) -> Files.writeString(staging.resolve("index.html"), "một"));
		store.writeFolder(site, (staging) -> {
			Files.createDirectories(staging.resolve("items"));
			Files.writeString(staging.resolve("items/index.html"), "hai");
		});
		assertThat(entries(site)).containsExactly("items");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.writeFolder(site, (staging) -> {
			Files.writeString(staging.resolve("index.html"), "ba");
			throw new IOException("the crawl failed");
		}));
		assertThat(Files.readString(site.resolve("items/index.html"))).isEqualTo("hai");
		assertThat(entries(site.getParent())).containsExactly("site");
	}

	@Test
	void temporariesOfAnotherNodeAreLeftAloneUntilADayOldButThisNodesFromAnEarlierRunGoAtOnce() throws Exception {
		FileStore earlierRun = store("web-1:8080");
		FileStore other = store("web-2:8080");
		FileStore thisRun = store("web-1:8080");
		Path folder = Files.createDirectories(this.root.resolve("media/f"));
		Path mineFromBefore = Files.writeString(folder.resolve(earlierRun.temporaryName()), "killed mid-write");
		Files.setLastModifiedTime(mineFromBefore, FileTime.from(this.clock.instant().minus(Duration.ofMinutes(1))));
		Path mineNow = Files.writeString(folder.resolve(thisRun.temporaryName()), "being written");
		Path othersNow = Files.writeString(folder.resolve(other.temporaryName()), "being written elsewhere");
		Path othersOld = Files.writeString(folder.resolve(other.temporaryName()), "left by a dead node");
		Files.setLastModifiedTime(othersOld, FileTime.from(this.clock.instant().minus(Duration.ofHours(25))));
		Path notATemporary = Files.writeString(folder.resolve(".tmp~not-ours"), "someone else's");
		Files.setLastModifiedTime(notATemporary, FileTime.from(this.clock.instant().minus(Duration.ofDays(30))));

		assertThat(thisRun.sweep()).isEqualTo(2);

		assertThat(mineFromBefore).doesNotExist();
		assertThat(othersOld).doesNotExist();
		assertThat(mineNow).exists();
		assertThat(othersNow).exists();
		assertThat(notATemporary).exists();
	}

	@Test
	void writtenFilesAreTheApplicationUsersOnly() throws Exception {
		FileStore store = store("web-1:8080");
		Path bytes = this.root.resolve("imports/a.csv");
		Path stream = this.root.resolve("imports/b.csv");
		Path written = this.root.resolve("outbox/c.eml");
		store.write(bytes, "dan@example.vn".getBytes(StandardCharsets.UTF_8));
		store.write(stream, new ByteArrayInputStream("dan@example.vn".getBytes(StandardCharsets.UTF_8)));
		store.write(written, (temporary) -> Files.writeString(temporary, "Subject: thư"));
		Assumptions.assumeTrue(Files.getFileAttributeView(this.root, PosixFileAttributeView.class) != null);
		for (Path file : List.of(bytes, stream, written)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
		}
	}

	@Test
	void namesLeadingOutOfTheStoreAreRefused() throws IOException {
		FileStore store = store("web-1:8080");
		assertThat(store.resolve("radio/7/ban-tin.mp3")).isEqualTo(this.root.resolve("radio/7/ban-tin.mp3"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.resolve("../etc/passwd"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.resolve("/etc/passwd"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.resolve("."));
	}

	@Test
	void theProbeLeavesNothingBehind() throws IOException {
		store("web-1:8080").probe();
		assertThat(entries(this.root)).isEmpty();
	}

	@Test
	void aSharedFolderWithoutItsMarkIsRefusedSayingHowToSetItUp() throws IOException {
		Path shared = Files.createDirectories(this.root.resolve("mnt/bantin"));
		assertThatIllegalStateException()
			.isThrownBy(() -> FileStore.shared(shared, NodeId.named("web-1:8080"), this.clock, Duration.ofSeconds(5)))
			.withMessageContaining("has no " + FileStore.MARKER)
			.withMessageContaining("not mounted here")
			.withMessageContaining("printf 'id=%s\\n'");
		assertThatIllegalStateException()
			.isThrownBy(() -> FileStore.shared(this.root.resolve("mnt/missing"), NodeId.named("web-1:8080"), this.clock,
					Duration.ofSeconds(5)))
			.withMessageContaining("is not a folder");
		Files.writeString(shared.resolve(FileStore.MARKER), "# no id\n");
		assertThatIllegalStateException()
			.isThrownBy(() -> FileStore.shared(shared, NodeId.named("web-1:8080"), this.clock, Duration.ofSeconds(5)))
			.withMessageContaining("holds no line id=");
	}

	@Test
	void aMarkedSharedFolderIsUsedByEveryNodeAndOneItCannotWriteIsRefused() throws IOException {
		Path shared = Files.createDirectories(this.root.resolve("mnt/bantin"));
		Files.writeString(shared.resolve(FileStore.MARKER), "id=3f1c9a52-6a4e-4f0e-9d6b-2b7e5c1d0a11\n");
		FileStore first = FileStore.shared(shared, NodeId.named("web-1:8080"), this.clock, Duration.ofSeconds(5));
		FileStore second = FileStore.shared(shared, NodeId.named("web-2:8080"), this.clock, Duration.ofSeconds(5));
		assertThat(first.kind()).isEqualTo("shared");
		assertThat(((FileStore.SharedFolder) second).id()).isEqualTo("3f1c9a52-6a4e-4f0e-9d6b-2b7e5c1d0a11");
		first.write(first.folder("media").resolve("a/anh.png"), new byte[] { 1, 2, 3 });
		assertThat(Files.readAllBytes(second.folder("media").resolve("a/anh.png"))).containsExactly(1, 2, 3);

		// the probe's own name taken by a folder: this node's writes there fail (whoever
		// runs the test, also root, whom permissions do not stop)
		Files.createDirectories(shared.resolve(".probe~web-3:8080/blocked"));
		assertThatIllegalStateException()
			.isThrownBy(() -> FileStore.shared(shared, NodeId.named("web-3:8080"), this.clock, Duration.ofSeconds(5)))
			.withMessageContaining("cannot be written by this node (web-3:8080)");
	}

	@Test
	void aStoreThatHangsIsReportedDownWithinTheTimeoutAndUpOnceItAnswers() throws Exception {
		FileStore store = store("web-1:8080");
		CountDownLatch hung = new CountDownLatch(1);
		AtomicBoolean hanging = new AtomicBoolean(true);
		FileStoreHealthIndicator health = new FileStoreHealthIndicator(store, new TimedProbe(() -> {
			if (hanging.get()) {
				try {
					hung.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			store.probe();
		}, Duration.ofMillis(300)));
		long before = System.nanoTime();
		assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
		assertThat(health.health().getDetails()).containsEntry("store", "local")
			.hasEntrySatisfying("error", (error) -> assertThat(error).asString().contains("has not returned"));
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
		hanging.set(false);
		hung.countDown();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> health.health().getStatus().getCode().equals("UP"));
	}

	private static byte[] content(char mark) {
		byte[] bytes = new byte[SIZE];
		Arrays.fill(bytes, (byte) mark);
		return bytes;
	}

	/** "whole x" for a complete file of one mark, else what is wrong. */
	private static String describe(byte[] bytes) {
		if (bytes.length != SIZE) {
			return "length " + bytes.length;
		}
		for (byte b : bytes) {
			if (b != bytes[0]) {
				return "mixed " + (char) bytes[0] + " and " + (char) b;
			}
		}
		return "whole " + (char) bytes[0];
	}

	private static List<String> entries(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	static final class Refused extends Exception {

		Refused() {
			super("refused");
		}

	}

}
