package vn.bantin.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the files every node must see are kept (uploaded media, recordings and broadcast
 * copies, the outbox, list imports, logos) and the one way they are written: complete or
 * not at all, never half.
 *
 * <p>
 * <b>Writing.</b> A file is written under a temporary name in the same folder as its
 * target ({@code .tmp~<node>~<life>~<random>}: this {@link NodeId node}, this run of it
 * and randomness, so two nodes, or two writers on one node, never write the same path),
 * synced to disk, renamed onto the target in one atomic step and the folder synced where
 * the file system allows it. A reader sees the old file or the new one, never a mix or a
 * half; a failure at any step deletes the temporary and leaves the old target as it was.
 * The rename is atomic only within one volume: that is why the temporary sits beside the
 * target, never in {@code /tmp}. Files are readable by the application's user only
 * ({@code rw-------} where the file system has POSIX permissions).
 *
 * <p>
 * <b>Two stores</b>, chosen by {@code bantin.files.store} ({@link FileStoreSettings}):
 * {@link #local the local folder}, {@code bantin.data-dir} as always (the default: one
 * node, nothing changes), and {@link #shared a shared folder} mounted at the same path on
 * every node (NFS, CephFS), which must be marked as a Bản tin store once
 * ({@value #MARKER}) so that a node whose mount failed refuses to start rather than fill
 * an empty local mount point. Modules keep their own folder names inside the store
 * ({@link #folder(String)}).
 *
 * <p>
 * <b>Left-overs.</b> A node killed mid-write leaves its temporary behind.
 * {@link #sweep()} (at each start, in the background) deletes those of an earlier run of
 * this node and any older than a day; never a temporary of another node that may be
 * writing it now.
 */
public abstract sealed class FileStore permits FileStore.LocalFolder, FileStore.SharedFolder {

	/** The file that marks a shared folder as a Bản tin store. */
	public static final String MARKER = ".bantin-file-store";

	/** Temporaries older than this are deleted whoever wrote them: their node is gone. */
	static final Duration ABANDONED_AFTER = Duration.ofDays(1);

	static final String TEMPORARY_PREFIX = ".tmp~";

	private static final Pattern TEMPORARY = Pattern
		.compile(Pattern.quote(TEMPORARY_PREFIX) + "([A-Za-z0-9._:-]+)~([0-9a-f]{8})~([0-9a-f]{16})");

	private static final Logger log = LoggerFactory.getLogger(FileStore.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path root;

	private final NodeId node;

	private final Clock clock;

	/** This run of the node: tells its own temporaries from those of an earlier run. */
	private final String life;

	/** When this run started. */
	private final Instant started;

	/** Folders configured outside the root, swept too. */
	private final Set<Path> outside = ConcurrentHashMap.newKeySet();

	private FileStore(Path root, NodeId node, Clock clock) {
		this.root = root.toAbsolutePath().normalize();
		this.node = node;
		this.clock = clock;
		this.life = random(4);
		this.started = clock.instant();
	}

	/**
	 * The local folder: {@code bantin.data-dir}, created when missing.
	 * @throws IOException when it cannot be created
	 */
	public static FileStore local(Path dataDir, NodeId node, Clock clock) throws IOException {
		LocalFolder store = new LocalFolder(dataDir, node, clock);
		Files.createDirectories(store.root());
		return store;
	}

	/**
	 * A folder shared by every node, checked before use: it must hold the
	 * {@value #MARKER} file with a line {@code id=...} (written once, when the store is
	 * set up) and take a file written, read back and deleted within {@code timeout}.
	 * @throws IllegalStateException naming what is wrong and what to do, when it is
	 * missing, unmarked or cannot be written
	 */
	public static FileStore shared(Path folder, NodeId node, Clock clock, Duration timeout) {
		SharedFolder store = new SharedFolder(folder, node, clock);
		store.open(timeout);
		return store;
	}

	/** The store's folder: {@code bantin.data-dir} or the shared folder. */
	public Path root() {
		return this.root;
	}

	/** This node, whose name the temporaries carry. */
	public NodeId node() {
		return this.node;
	}

	/** {@code local} or {@code shared}, for health details and logs. */
	public abstract String kind();

	/**
	 * A module's folder in the store, e.g. {@code media}, {@code radio}. Not created: a
	 * write creates the folders it needs.
	 * @param name a plain relative name
	 */
	public Path folder(String name) {
		return resolve(name);
	}

	/**
	 * A module's folder: the one configured for it when set (kept where it is, and swept
	 * like the store), else {@link #folder(String) its folder in the store}.
	 */
	public Path folder(String name, Path configured) {
		if (configured == null) {
			return folder(name);
		}
		Path folder = configured.toAbsolutePath().normalize();
		if (!folder.startsWith(this.root)) {
			this.outside.add(folder);
		}
		return folder;
	}

	/**
	 * A path in the store by its name relative to the root, for reading.
	 * @throws IllegalArgumentException when the name is absolute or leads out of the
	 * store
	 */
	public Path resolve(String relative) {
		Path path = this.root.resolve(relative).normalize();
		if (Path.of(relative).isAbsolute() || !path.startsWith(this.root) || path.equals(this.root)) {
			throw new IllegalArgumentException("Not a name in the file store: " + relative);
		}
		return path;
	}

	/** Writes {@code bytes} as the whole of {@code target}, replacing it. */
	public void write(Path target, byte[] bytes) throws IOException {
		write(target, (temporary) -> Files.write(createOwnerOnly(temporary), bytes));
	}

	/**
	 * Writes what {@code input} gives, to its end, as the whole of {@code target},
	 * replacing it. Leaves {@code input} open.
	 * @return how many bytes were written
	 */
	public long write(Path target, InputStream input) throws IOException {
		long[] copied = new long[1];
		write(target, (temporary) -> {
			try (OutputStream out = Files.newOutputStream(createOwnerOnly(temporary))) {
				copied[0] = input.transferTo(out);
			}
		});
		return copied[0];
	}

	/**
	 * Writes {@code target} by having {@code writing} create it under a temporary name (a
	 * program's output file, a copy, a move from a work folder), then puts it in place,
	 * replacing the old one. Whatever {@code writing} throws leaves the old target
	 * untouched and no temporary.
	 */
	public <E extends Exception> void write(Path target, Writing<E> writing) throws IOException, E {
		Path file = target.toAbsolutePath().normalize();
		Path temporary = prepare(file, writing);
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			temporary = null;
			syncFolder(file.getParent());
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Like {@link #write(Path, Writing)}, but never replaces: when {@code target} exists
	 * (also when another node put it there a moment ago) nothing is written.
	 * @throws FileAlreadyExistsException when {@code target} exists
	 */
	public <E extends Exception> void writeNew(Path target, Writing<E> writing) throws IOException, E {
		Path file = target.toAbsolutePath().normalize();
		if (Files.exists(file)) {
			throw new FileAlreadyExistsException(file.toString());
		}
		Path temporary = prepare(file, writing);
		try {
			// a link, unlike a rename, fails when the name is taken, atomically, also on
			// NFS and CephFS
			Files.createLink(file, temporary);
			syncFolder(file.getParent());
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Writes a whole folder: {@code writing} fills a new folder under a temporary name
	 * beside {@code target}, which then takes the target's place; the previous folder
	 * goes only once the new one is in place, and comes back if it cannot be. Readers see
	 * the old folder or the complete new one.
	 */
	public <E extends Exception> void writeFolder(Path target, Writing<E> writing) throws IOException, E {
		Path folder = target.toAbsolutePath().normalize();
		Path parent = folder.getParent();
		Files.createDirectories(parent);
		Path staging = parent.resolve(temporaryName());
		Path old = null;
		try {
			Files.createDirectory(staging);
			writing.writeTo(staging);
			try (Stream<Path> files = Files.walk(staging)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					sync(file);
				}
			}
			if (Files.exists(folder)) {
				old = parent.resolve(temporaryName());
				Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
				try {
					Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (IOException | RuntimeException ex) {
					Files.move(old, folder, StandardCopyOption.ATOMIC_MOVE);
					old = null;
					throw ex;
				}
			}
			else {
				Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
			}
			syncFolder(parent);
		}
		finally {
			delete(staging);
			if (old != null) {
				delete(old);
			}
		}
	}

	/**
	 * Deletes a file, or a folder with everything in it.
	 * @return whether there was anything to delete
	 */
	public boolean delete(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
		catch (NoSuchFileException ex) {
			// deleted meanwhile
		}
		return true;
	}

	/**
	 * Writes a small file of this node into the store, reads it back and deletes it: the
	 * store is usable. Used at start and by the readiness check.
	 * @throws IOException naming what failed
	 */
	public void probe() throws IOException {
		if (!Files.isDirectory(this.root)) {
			throw new NoSuchFileException(this.root.toString(), null, "the store's folder is missing");
		}
		Path probe = this.root.resolve(".probe~" + this.node.value());
		byte[] written = (this.node.value() + " " + this.clock.instant() + " " + random(8))
			.getBytes(StandardCharsets.UTF_8);
		write(probe, written);
		try {
			byte[] read = Files.readAllBytes(probe);
			if (!Arrays.equals(read, written)) {
				throw new IOException(probe + " reads back other bytes than were written");
			}
		}
		finally {
			Files.deleteIfExists(probe);
		}
	}

	/**
	 * Deletes the temporaries that killed writers left: those of an earlier run of this
	 * node, and any older than {@link #ABANDONED_AFTER}, under the root and the folders
	 * configured outside it.
	 * @return how many were deleted
	 */
	public int sweep() {
		Instant before = this.clock.instant().minus(ABANDONED_AFTER);
		int deleted = 0;
		for (Path folder : Stream.concat(Stream.of(this.root), this.outside.stream()).toList()) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			List<Path> temporaries = temporariesUnder(folder);
			for (Path temporary : temporaries) {
				try {
					if (abandoned(temporary, before) && delete(temporary)) {
						deleted++;
						log.info("Deleted {}, left half written by a writer that stopped", temporary);
					}
				}
				catch (IOException ex) {
					log.warn("Cannot delete the left-over temporary {}: {}", temporary, ex.toString());
				}
			}
		}
		return deleted;
	}

	/**
	 * The temporaries under a folder. Folders that vanish or cannot be read meanwhile (a
	 * processing's work folder deleted as the walk passes) are passed over.
	 */
	private static List<Path> temporariesUnder(Path folder) {
		List<Path> found = new ArrayList<>();
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					if (TEMPORARY.matcher(String.valueOf(dir.getFileName())).matches()) {
						found.add(dir);
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (TEMPORARY.matcher(String.valueOf(file.getFileName())).matches()) {
						found.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			log.warn("Cannot look for left-over temporaries in {}: {}", folder, ex.toString());
		}
		return found;
	}

	private boolean abandoned(Path temporary, Instant before) throws IOException {
		Matcher name = TEMPORARY.matcher(temporary.getFileName().toString());
		if (!name.matches()) {
			return false;
		}
		Instant modified = Files.getLastModifiedTime(temporary).toInstant();
		// an earlier run's, untouched since this run started: that run was killed (a tool
		// run beside the server under the same name would still be writing its own)
		boolean mineFromEarlier = name.group(1).equals(this.node.value()) && !name.group(2).equals(this.life)
				&& modified.isBefore(this.started);
		return mineFromEarlier || modified.isBefore(before);
	}

	/** A new temporary name, unique to this node and run. */
	String temporaryName() {
		return TEMPORARY_PREFIX + this.node.value() + "~" + this.life + "~" + random(8);
	}

	/** Writes the temporary beside the target and syncs it; deletes it on failure. */
	private <E extends Exception> Path prepare(Path target, Writing<E> writing) throws IOException, E {
		Path parent = target.toAbsolutePath().normalize().getParent();
		Files.createDirectories(parent);
		Path temporary = parent.resolve(temporaryName());
		boolean prepared = false;
		try {
			writing.writeTo(temporary);
			if (!Files.isRegularFile(temporary)) {
				throw new NoSuchFileException(temporary.toString(), null, "nothing was written for " + target);
			}
			ownerOnly(temporary);
			sync(temporary);
			prepared = true;
			return temporary;
		}
		finally {
			if (!prepared) {
				deleteQuietly(temporary);
			}
		}
	}

	/**
	 * Creates an empty file that only the application's user may read (where the file
	 * system has POSIX permissions): what the store keeps (letters, people's addresses in
	 * imports, uploads not yet published) is nobody else's on the machine.
	 */
	private static Path createOwnerOnly(Path file) throws IOException {
		if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) == null) {
			return Files.createFile(file);
		}
		return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
	}

	/**
	 * Makes a written file the application user's only, as {@link #createOwnerOnly} does.
	 */
	private static void ownerOnly(Path file) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (view != null) {
			view.setPermissions(OWNER_ONLY);
		}
	}

	private static void sync(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/**
	 * Makes a rename in the folder durable. Not every system can open a folder (Windows):
	 * there the rename is as durable as the file system makes it.
	 */
	private static void syncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (AccessDeniedException | UnsupportedOperationException ex) {
			// not supported here
		}
		catch (IOException ex) {
			log.debug("Cannot sync the folder {}: {}", folder, ex.toString());
		}
	}

	private void deleteQuietly(Path path) {
		if (path == null) {
			return;
		}
		try {
			delete(path);
		}
		catch (IOException ex) {
			log.warn("Cannot delete the temporary {}: {}", path, ex.toString());
		}
	}

	private static String random(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/**
	 * Creates a file (or fills a folder) at the temporary path it is given.
	 *
	 * @param <E> what it may throw besides {@link IOException}
	 */
	@FunctionalInterface
	public interface Writing<E extends Exception> {

		/**
		 * @param temporary where to write: a file that does not exist yet, or for
		 * {@link FileStore#writeFolder} an empty folder
		 */
		void writeTo(Path temporary) throws IOException, E;

	}

	/** {@code bantin.data-dir}, on this node's disk. */
	static final class LocalFolder extends FileStore {

		LocalFolder(Path root, NodeId node, Clock clock) {
			super(root, node, clock);
		}

		@Override
		public String kind() {
			return "local";
		}

	}

	/** A folder every node mounts at the same path. */
	static final class SharedFolder extends FileStore {

		private String id;

		SharedFolder(Path root, NodeId node, Clock clock) {
			super(root, node, clock);
		}

		@Override
		public String kind() {
			return "shared";
		}

		/** The id in the store's {@value FileStore#MARKER}: the same on every node. */
		String id() {
			return this.id;
		}

		private void open(Duration timeout) {
			Path marker = root().resolve(MARKER);
			String setUp = "Mount the shared folder at the same path on every node; once, when it is new and empty,"
					+ " mark it from one node: printf 'id=%s\\n' \"$(cat /proc/sys/kernel/random/uuid)\" > " + marker
					+ " (see docs/files.md)";
			if (!Files.isDirectory(root())) {
				throw new IllegalStateException(
						"The shared file store " + root() + " (bantin.files.shared-dir) is not a folder. " + setUp);
			}
			if (!Files.isRegularFile(marker)) {
				throw new IllegalStateException("The shared file store " + root() + " (bantin.files.shared-dir) has no "
						+ MARKER + ": it is not mounted here, or was never set up. " + setUp);
			}
			try {
				this.id = Files.readAllLines(marker, StandardCharsets.UTF_8)
					.stream()
					.map(String::strip)
					.filter((line) -> line.startsWith("id=") && line.length() > 3)
					.map((line) -> line.substring(3).strip())
					.findFirst()
					.orElseThrow(() -> new IllegalStateException(
							"The shared file store's " + marker + " holds no line id=...: " + setUp));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + marker + ": " + ex, ex);
			}
			try {
				TimedProbe.run(this, timeout);
			}
			catch (IOException ex) {
				throw new IllegalStateException("The shared file store " + root() + " cannot be written by this node ("
						+ node() + "): " + ex.getMessage(), ex);
			}
			log.info("Files are kept in the shared store {} (id {}), written by node {}", root(), this.id, node());
		}

	}

}
