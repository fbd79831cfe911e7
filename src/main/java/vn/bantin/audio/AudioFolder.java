package vn.bantin.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.bantin.system.FileStore;
import vn.bantin.system.Secrets;

/**
 * The audio folder ({@code bantin.radio.audio-dir}, default {@code <data-dir>/radio}) and
 * the file moves in it: what comes in waits under {@code incoming/}, a processing's
 * original and broadcast copy go under {@code <id>/}, each written through the
 * {@link FileStore} (its folder {@code radio} unless {@code bantin.radio.audio-dir} names
 * another), so that a crash never leaves half a file where a reader looks. The database
 * stores paths relative to this folder; nothing outside it is ever handed out.
 */
@Component
class AudioFolder {

	private final Path root;

	private final FileStore files;

	AudioFolder(RadioAudioSettings settings, FileStore files) {
		this.root = files.folder("radio", settings.audioDir());
		this.files = files;
	}

	/** The folder itself. */
	Path root() {
		return this.root;
	}

	/**
	 * A stored file (original or broadcast copy) by its path relative to the audio
	 * folder.
	 */
	Optional<Path> file(String relative) {
		if (relative == null) {
			return Optional.empty();
		}
		Path file = this.root.resolve(relative).normalize();
		return (file.startsWith(this.root) && Files.isRegularFile(file)) ? Optional.of(file) : Optional.empty();
	}

	/** A new file name under {@code incoming/} for something of this kind arriving. */
	Path incoming(String kind) throws IOException {
		Path dir = Files.createDirectories(this.root.resolve("incoming"));
		return dir.resolve(kind + "-" + UUID.randomUUID());
	}

	/** The folder of one processing's files. */
	Path processing(long id) {
		return this.root.resolve(String.valueOf(id));
	}

	/** A file under the folder as the database stores it: relative, with slashes. */
	String relative(Path file) {
		return this.root.relativize(file).toString().replace('\\', '/');
	}

	/** Resolves a path the database stores. */
	Path resolve(String relative) {
		return this.root.resolve(relative);
	}

	/**
	 * Writes a file in the folder through the {@link FileStore}: {@code writing} creates
	 * it under a temporary name, the store puts it in place whole.
	 */
	<E extends Exception> void write(Path target, FileStore.Writing<E> writing) throws IOException, E {
		this.files.write(target, writing);
	}

	/** Puts a copy of {@code from} in place as {@code to}. */
	void copyIn(Path from, Path to) throws IOException {
		write(to, (temporary) -> Files.copy(from, temporary));
	}

	/**
	 * Puts a finished file of the same volume ({@code .work/}) in place as {@code to}:
	 * renamed, not copied.
	 */
	void moveIn(Path from, Path to) throws IOException {
		write(to, (temporary) -> Files.move(from, temporary));
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** A file's SHA-256 in hex. */
	static String sha256(Path file) throws IOException {
		return Secrets.sha256(file);
	}

}
