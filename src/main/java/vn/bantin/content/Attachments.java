package vn.bantin.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.bantin.system.FileSignature;
import vn.bantin.system.FileStore;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.VietnameseText;

/**
 * Files uploaded to items in the editor: images, PDF documents and audio, at most
 * {@value #MAX_BYTES} bytes. The type is decided by the file's first bytes, never by its
 * name or the browser's word, and only the kinds channels can use are accepted. Each
 * upload is written completely ({@link FileStore}) into a new folder under the store's
 * {@code media/} before it is used, and served by the media module ({@code /media/...})
 * at {@code /media/<folder>/<name>}.
 */
@Component
class Attachments {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	/**
	 * What may be uploaded, by the extension its content is recognised as: what every
	 * channel can use (site, feeds, mail, loudspeakers). Their types are the media
	 * module's ({@code MediaTypes}).
	 */
	static final Set<String> EXTENSIONS = Set.of("png", "jpg", "gif", "webp", "pdf", "mp3", "wav", "ogg", "m4a");

	private final Path root;

	private final FileStore files;

	Attachments(FileStore files) {
		this.root = files.folder("media");
		this.files = files;
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
			this.files.write(this.root.resolve(folder).resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store an attachment under " + this.root, ex);
		}
		return "/media/" + folder + "/" + name;
	}

	/** The kind of an upload, if it is one channels can use. */
	static Optional<String> extension(byte[] bytes) {
		return FileSignature.extension(bytes).filter(EXTENSIONS::contains);
	}

}
