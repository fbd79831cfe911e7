package vn.bantin.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.VietnameseText;

/**
 * Files uploaded to items in the editor: images, PDF documents and audio, at most
 * {@value #MAX_BYTES} bytes. The type is decided by the file's first bytes, never by its
 * name or the browser's word, and only the kinds channels can use are accepted. Each
 * upload is written completely into a new folder under {@code <data-dir>/media/} before
 * it is used, and served by {@link MediaController} at {@code /media/<folder>/<name>}.
 */
@Component
class Attachments {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Extension by content: what channels can use (site, feeds, mail, loudspeakers). */
	static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "gif", "image/gif", "webp",
			"image/webp", "pdf", "application/pdf", "mp3", "audio/mpeg", "wav", "audio/wav", "ogg", "audio/ogg", "m4a",
			"audio/mp4");

	private final Path root;

	Attachments(BantinProperties properties) {
		this.root = properties.dataPath("media");
	}

	/**
	 * Stores an upload.
	 * @return its address, {@code /media/<folder>/<name>.<ext>}
	 * @throws RuleViolation on field {@code file} when it is empty, too big or of a kind
	 * not accepted
	 */
	String store(byte[] bytes, String originalName) {
		if (bytes.length == 0) {
			throw new RuleViolation("file", "item.error.attachment-empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new RuleViolation("file", "item.error.attachment-size");
		}
		String extension = extension(bytes).orElseThrow(() -> new RuleViolation("file", "item.error.attachment-type"));
		String stem = StringUtils.hasText(originalName)
				? VietnameseText
					.slug(StringUtils.stripFilenameExtension(StringUtils.getFilename(originalName.replace('\\', '/'))))
				: "";
		String name = (StringUtils.hasText(stem) ? stem : "tep") + "." + extension;
		String folder = UUID.randomUUID().toString();
		try {
			Path dir = Files.createDirectories(this.root.resolve(folder));
			Path temporary = Files.createTempFile(dir, "upload-", ".part");
			Files.write(temporary, bytes);
			Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store an attachment under " + this.root, ex);
		}
		return "/media/" + folder + "/" + name;
	}

	Path root() {
		return this.root;
	}

	static Optional<String> extension(byte[] b) {
		if (starts(b, 0, 0x89, 'P', 'N', 'G')) {
			return Optional.of("png");
		}
		if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("jpg");
		}
		if (starts(b, 0, 'G', 'I', 'F', '8')) {
			return Optional.of("gif");
		}
		if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of("webp");
		}
		if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'A', 'V', 'E')) {
			return Optional.of("wav");
		}
		if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
			return Optional.of("pdf");
		}
		if (starts(b, 0, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
			return Optional.of("mp3");
		}
		if (starts(b, 0, 'O', 'g', 'g', 'S')) {
			return Optional.of("ogg");
		}
		if (starts(b, 4, 'f', 't', 'y', 'p')) {
			return Optional.of("m4a");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
