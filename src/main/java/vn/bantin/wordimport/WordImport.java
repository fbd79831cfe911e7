package vn.bantin.wordimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.bantin.system.FileSignature;
import vn.bantin.system.FileStore;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.SafeHtml;

/**
 * Reads a Word {@code .docx} file into the title and Markdown body of a new draft.
 *
 * <p>
 * The document is turned into simple HTML ({@link WordToHtml}), which then goes through
 * {@link SafeHtml#toMarkdown}: an imported file is cleaned exactly like pasted HTML.
 *
 * <p>
 * Images are written under {@code media/<uuid>/image-N.ext} in the {@link FileStore},
 * each complete or not at all, and referenced in the body as
 * {@code /media/<uuid>/image-N.ext} — an absolute path on this site, served by the media
 * module ({@code /media/...}). A fresh random folder per import (rather than the item id,
 * which exists only once the draft is saved) keeps two imports apart and makes the files
 * immutable, so they may be cached for long. Each has an alt text
 * ({@link PictureAltText}).
 *
 * <p>
 * Refused with a {@link RuleViolation} on the field {@code file}: an empty upload,
 * anything over {@link #MAX_BYTES}, anything that is not a ZIP file, and a ZIP file POI
 * cannot read as a Word document (corrupt, another Office format, or over POI's zip-bomb
 * limits, which stay at their defaults).
 */
@Service
class WordImport {

	/** The largest file accepted: 10 MB. */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	/**
	 * The largest part (unpacked) a file may hold: 64 MB. POI's zip-bomb checks (a part
	 * may not unpack to more than 100 times its packed size) stay on; this lower cap on
	 * top keeps a 10 MB file from unpacking into a gigabyte that would be parsed in
	 * memory. POI's setting is JVM-wide; nothing else in Bản tin reads Office files.
	 */
	static final long MAX_PART_BYTES = 64L * 1024 * 1024;

	static {
		if (ZipSecureFile.getMaxEntrySize() > MAX_PART_BYTES) {
			ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
		}
	}

	private static final Logger logger = LoggerFactory.getLogger(WordImport.class);

	private final Path mediaRoot;

	private final FileStore files;

	WordImport(FileStore files) {
		this.mediaRoot = files.folder("media");
		this.files = files;
	}

	/**
	 * The folder images are kept in; the media module ({@code /media/...}) serves from
	 * it.
	 */
	Path mediaRoot() {
		return this.mediaRoot;
	}

	/**
	 * Reads a {@code .docx} file and stores its images.
	 * @throws RuleViolation on the field {@code file} when the file is refused
	 */
	Imported read(InputStream input) throws IOException {
		byte[] bytes = input.readNBytes((int) MAX_BYTES + 1);
		if (bytes.length == 0) {
			throw new RuleViolation("file", "item.error.docx-empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new RuleViolation("file", "item.error.docx-size");
		}
		if (FileSignature.extension(bytes).filter("zip"::equals).isEmpty()) {
			throw new RuleViolation("file", "item.error.docx-type");
		}
		String folder = UUID.randomUUID().toString();
		WordToHtml.Converted converted;
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			converted = WordToHtml.convert(document, "/media/" + folder + "/");
		}
		catch (IOException | RuntimeException ex) {
			// POI reports a damaged ZIP, another Office format, a missing part or a zip
			// bomb in many ways; all mean the file cannot be imported
			logger.info("A Word file could not be read: {}", ex.toString());
			throw new RuleViolation("file", "item.error.docx-corrupt");
		}
		if (converted.images().isEmpty()) {
			return new Imported(converted.title(), SafeHtml.toMarkdown(converted.html()), null);
		}
		store(folder, converted.images());
		return new Imported(converted.title(), SafeHtml.toMarkdown(converted.html()), folder);
	}

	/** Removes an import's images, when its draft was not created after all. */
	void discard(Imported imported) {
		if (imported.mediaFolder() == null) {
			return;
		}
		deleteFolder(this.mediaRoot.resolve(imported.mediaFolder()));
	}

	private void store(String folder, List<WordToHtml.Image> images) throws IOException {
		Path directory = this.mediaRoot.resolve(folder);
		try {
			for (WordToHtml.Image image : images) {
				this.files.write(directory.resolve(image.name()), image.bytes());
			}
		}
		catch (IOException | RuntimeException ex) {
			deleteFolder(directory);
			throw ex;
		}
	}

	private void deleteFolder(Path directory) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try {
			this.files.delete(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a file gave.
	 *
	 * @param title the title for the draft, never blank
	 * @param body the body in Markdown
	 * @param mediaFolder the folder under the media root holding its images, or null
	 */
	record Imported(String title, String body, String mediaFolder) {
	}

}
