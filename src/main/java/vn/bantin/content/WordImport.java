package vn.bantin.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTAnchor;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.FileSignature;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.SafeHtml;
import vn.bantin.text.VietnameseText;

/**
 * Reads a Word {@code .docx} file into the title and Markdown body of a new draft.
 *
 * <p>
 * The document is walked in order and turned into simple HTML (headings from the
 * {@code Heading 1}–{@code 6} styles or the outline level, paragraphs, bold, italic and
 * struck-through runs, links, bullet and numbered lists nested by level, tables with the
 * first row as header, images), which then goes through {@link SafeHtml#toMarkdown}: an
 * imported file is cleaned exactly like pasted HTML. The title is the paragraph styled
 * {@code Title}, else the document's title property, else the first heading, else the
 * first paragraph; a {@code Title} paragraph is not repeated in the body. Text is NFC.
 *
 * <p>
 * Images (PNG, JPEG or GIF only, recognised by their first bytes; other formats such as
 * EMF are left out) are written under {@code <data-dir>/media/<uuid>/image-N.ext}, each
 * to a temporary file first and then moved into place, and referenced in the body as
 * {@code /media/<uuid>/image-N.ext} — an absolute path on this site, served by the media
 * module ({@code /media/...}). A fresh random folder per import (rather than the item id,
 * which exists only once the draft is saved) keeps two imports apart and makes the files
 * immutable, so they may be cached for long. Every image gets an alt text, since an
 * {@code img} without one is invalid HTML and hides it from screen readers: the
 * description Word keeps for it (Format Picture › Alt Text: the picture's or its
 * drawing's {@code descr}, else their {@code title}), else the picture's file name made
 * readable ({@code tru-so_xa.jpg} becomes {@code tru so xa}: Word and other writers keep
 * the inserted file's name as the picture's name or description), else empty
 * (decorative): Word's generic names such as "Picture 1" say nothing.
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

	/** A picture's name or description that is an image file's name. */
	private static final Pattern IMAGE_FILE_NAME = Pattern
		.compile("[^\\r\\n]*\\.(png|jpe?g|gif|bmp|tiff?|webp|heic|emf|wmf|svg)", Pattern.CASE_INSENSITIVE);

	/** At most this many images are kept from one file. */
	static final int MAX_IMAGES = 200;

	private static final Pattern HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-6])");

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

	WordImport(BantinProperties properties) {
		this.mediaRoot = properties.dataPath("media");
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
		Converted converted;
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			converted = new Converter(document, "/media/" + folder + "/").convert();
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

	private void store(String folder, List<Image> images) throws IOException {
		Path directory = this.mediaRoot.resolve(folder);
		Files.createDirectories(directory);
		try {
			for (Image image : images) {
				Path temporary = Files.createTempFile(directory, ".import-", ".tmp");
				Files.write(temporary, image.bytes());
				Files.move(temporary, directory.resolve(image.name()), StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException | RuntimeException ex) {
			deleteFolder(directory);
			throw ex;
		}
	}

	private static void deleteFolder(Path directory) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A file name as words: without its folder and extension, dashes and underscores as
	 * spaces, NFC ({@code C:\Ảnh\tru-so_xa.jpg} is {@code tru so xa}).
	 */
	static String readableFileName(String fileName) {
		String name = fileName.strip().replaceAll(".*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
		return VietnameseText.nfc(name.replaceAll("[-_\\s]+", " ").strip());
	}

	/** The image type named by the first bytes, or null for a type that is not kept. */
	static String imageExtension(byte[] bytes) {
		return FileSignature.extension(bytes).filter(Set.of("png", "jpg", "gif")::contains).orElse(null);
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

	record Image(String name, byte[] bytes) {
	}

	record Converted(String title, String html, List<Image> images) {
	}

	/** One walk over one document. */
	private static final class Converter {

		private final XWPFDocument document;

		/** Where the images will be, ending with '/'. */
		private final String imagePath;

		private final StringBuilder html = new StringBuilder();

		/** Open lists, innermost first: "ul" or "ol", each with an open {@code li}. */
		private final Deque<String> lists = new ArrayDeque<>();

		private final List<Image> images = new ArrayList<>();

		/** Image file names by the package part they came from (one file per picture). */
		private final Map<String, String> imageNames = new HashMap<>();

		private String styledTitle;

		private String firstHeading;

		private String firstParagraph;

		Converter(XWPFDocument document, String imagePath) {
			this.document = document;
			this.imagePath = imagePath;
		}

		Converted convert() {
			for (IBodyElement element : this.document.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					paragraph(paragraph);
				}
				else if (element instanceof XWPFTable table) {
					closeLists();
					table(table);
				}
				else if (element instanceof XWPFSDT control) {
					// a content control (form field, cover page block): its text only
					closeLists();
					String text = VietnameseText.nfc(control.getContent().getText()).strip();
					if (!text.isEmpty()) {
						this.html.append("<p>").append(escape(text).replace("\n", "<br>")).append("</p>\n");
					}
				}
			}
			closeLists();
			return new Converted(title(), this.html.toString(), List.copyOf(this.images));
		}

		private String title() {
			String coreTitle = null;
			if (this.document.getProperties() != null && this.document.getProperties().getCoreProperties() != null) {
				coreTitle = this.document.getProperties().getCoreProperties().getTitle();
			}
			for (String candidate : new String[] { this.styledTitle, coreTitle, this.firstHeading,
					this.firstParagraph }) {
				if (StringUtils.hasText(candidate)) {
					String title = VietnameseText.nfc(candidate.replaceAll("\\s+", " ").strip());
					return (title.length() > 300) ? title.substring(0, 300).strip() : title;
				}
			}
			return "Văn bản nhập từ Word";
		}

		private void paragraph(XWPFParagraph paragraph) {
			String plain = plainText(paragraph);
			String style = styleName(paragraph);
			if (style != null && style.replace(" ", "").equalsIgnoreCase("title")) {
				if (this.styledTitle == null && StringUtils.hasText(plain)) {
					this.styledTitle = plain;
					return;
				}
			}
			String inline = inline(paragraph);
			if (!StringUtils.hasText(plain) && !inline.contains("<img")) {
				return; // empty paragraphs only space the page in Word
			}
			int heading = headingLevel(paragraph, style);
			if (heading > 0) {
				closeLists();
				if (this.firstHeading == null) {
					this.firstHeading = plain;
				}
				this.html.append("<h")
					.append(heading)
					.append('>')
					.append(inline)
					.append("</h")
					.append(heading)
					.append(">\n");
				return;
			}
			if (this.firstParagraph == null && StringUtils.hasText(plain)) {
				this.firstParagraph = plain;
			}
			if (paragraph.getNumID() != null) {
				BigInteger ilvl = paragraph.getNumIlvl();
				int level = (ilvl != null) ? Math.min(ilvl.intValue(), 5) : 0;
				String format = paragraph.getNumFmt();
				listItem(level, "bullet".equalsIgnoreCase(format) || format == null ? "ul" : "ol", inline);
				return;
			}
			closeLists();
			this.html.append("<p>").append(inline).append("</p>\n");
		}

		private void listItem(int level, String tag, String inline) {
			while (this.lists.size() > level + 1) {
				this.html.append("</li></").append(this.lists.pop()).append('>');
			}
			if (this.lists.size() == level + 1 && !this.lists.peek().equals(tag)) {
				this.html.append("</li></").append(this.lists.pop()).append('>');
			}
			if (this.lists.size() == level + 1) {
				this.html.append("</li><li>");
			}
			else {
				while (this.lists.size() < level + 1) {
					this.html.append('<').append(tag).append("><li>");
					this.lists.push(tag);
				}
			}
			this.html.append(inline);
		}

		private void closeLists() {
			while (!this.lists.isEmpty()) {
				this.html.append("</li></").append(this.lists.pop()).append(">\n");
			}
		}

		private void table(XWPFTable table) {
			List<XWPFTableRow> rows = table.getRows();
			if (rows.isEmpty()) {
				return;
			}
			this.html.append("<table>");
			boolean header = true;
			for (XWPFTableRow row : rows) {
				this.html.append(header ? "<thead><tr>" : "<tr>");
				for (XWPFTableCell cell : row.getTableCells()) {
					List<String> parts = new ArrayList<>();
					for (XWPFParagraph paragraph : cell.getParagraphs()) {
						String inline = inline(paragraph);
						if (StringUtils.hasText(plainText(paragraph)) || inline.contains("<img")) {
							parts.add(inline);
						}
					}
					String tag = header ? "th" : "td";
					this.html.append('<')
						.append(tag)
						.append('>')
						.append(String.join(" ", parts))
						.append("</")
						.append(tag)
						.append('>');
				}
				this.html.append(header ? "</tr></thead><tbody>" : "</tr>");
				header = false;
			}
			this.html.append("</tbody></table>\n");
		}

		/** The paragraph's runs as inline HTML; neighbouring runs alike are merged. */
		private String inline(XWPFParagraph paragraph) {
			StringBuilder out = new StringBuilder();
			Span open = null;
			StringBuilder text = new StringBuilder();
			for (XWPFRun run : paragraph.getRuns()) {
				String href = null;
				if (run instanceof XWPFHyperlinkRun link) {
					XWPFHyperlink target = link.getHyperlink(this.document);
					href = (target != null) ? target.getURL() : null;
				}
				Span span = new Span(run.isBold(), run.isItalic(), run.isStrikeThrough(), href);
				String runText = run.text();
				if (StringUtils.hasLength(runText)) {
					if (open != null && !open.equals(span)) {
						out.append(open.render(text.toString()));
						text.setLength(0);
					}
					open = span;
					text.append(runText);
				}
				List<CTNonVisualDrawingProps> drawings = drawings(run);
				List<XWPFPicture> pictures = run.getEmbeddedPictures();
				for (int i = 0; i < pictures.size(); i++) {
					XWPFPicture picture = pictures.get(i);
					String src = image(picture.getPictureData());
					if (src != null) {
						if (open != null) {
							out.append(open.render(text.toString()));
							text.setLength(0);
							open = null;
						}
						CTNonVisualDrawingProps drawing = (drawings.size() == pictures.size()) ? drawings.get(i) : null;
						out.append("<img src=\"")
							.append(src)
							.append("\" alt=\"")
							.append(escape(altText(picture, drawing)))
							.append("\">");
					}
				}
			}
			if (open != null) {
				out.append(open.render(text.toString()));
			}
			return out.toString();
		}

		/**
		 * The drawings ({@code wp:docPr}) of a run's pictures, in order: Word keeps the
		 * alternative text there, POI reads the picture's own ({@code pic:cNvPr}).
		 */
		private static List<CTNonVisualDrawingProps> drawings(XWPFRun run) {
			List<CTNonVisualDrawingProps> drawings = new ArrayList<>();
			for (CTDrawing drawing : run.getCTR().getDrawingList()) {
				for (CTInline inline : drawing.getInlineList()) {
					drawings.add(inline.getDocPr());
				}
				for (CTAnchor anchor : drawing.getAnchorList()) {
					drawings.add(anchor.getDocPr());
				}
			}
			return drawings;
		}

		/**
		 * A picture's alt text: its description or title, else its file name made
		 * readable, else empty.
		 * @param drawing the drawing holding it, or null when unknown
		 */
		static String altText(XWPFPicture picture, CTNonVisualDrawingProps drawing) {
			CTNonVisualDrawingProps own = (picture.getCTPicture() != null
					&& picture.getCTPicture().getNvPicPr() != null) ? picture.getCTPicture().getNvPicPr().getCNvPr()
							: null;
			List<CTNonVisualDrawingProps> both = Stream.of(own, drawing).filter(Objects::nonNull).toList();
			Stream<String> descriptions = Stream.concat(both.stream().map(CTNonVisualDrawingProps::getDescr),
					both.stream().map(CTNonVisualDrawingProps::getTitle));
			String description = descriptions.filter(StringUtils::hasText).findFirst().orElse(null);
			if (description != null) {
				return IMAGE_FILE_NAME.matcher(description.strip()).matches() ? readableFileName(description)
						: VietnameseText.nfc(description.strip().replaceAll("\\s+", " "));
			}
			return both.stream()
				.map(CTNonVisualDrawingProps::getName)
				.filter((name) -> name != null && IMAGE_FILE_NAME.matcher(name.strip()).matches())
				.findFirst()
				.map(WordImport::readableFileName)
				.orElse("");
		}

		private String image(XWPFPictureData data) {
			if (data == null) {
				return null;
			}
			String part = data.getPackagePart().getPartName().getName();
			String name = this.imageNames.get(part);
			if (name == null) {
				byte[] bytes = data.getData();
				String extension = (bytes != null) ? imageExtension(bytes) : null;
				if (extension == null || this.images.size() >= MAX_IMAGES) {
					return null;
				}
				name = "image-" + (this.images.size() + 1) + "." + extension;
				this.images.add(new Image(name, bytes));
				this.imageNames.put(part, name);
			}
			return this.imagePath + name;
		}

		private String styleName(XWPFParagraph paragraph) {
			String id = paragraph.getStyleID();
			if (id == null) {
				return null;
			}
			XWPFStyle style = (this.document.getStyles() != null) ? this.document.getStyles().getStyle(id) : null;
			return (style != null && style.getName() != null) ? style.getName() : id;
		}

		private int headingLevel(XWPFParagraph paragraph, String style) {
			if (style != null) {
				Matcher matcher = HEADING_STYLE.matcher(style);
				if (matcher.matches()) {
					return Integer.parseInt(matcher.group(1));
				}
			}
			String id = paragraph.getStyleID();
			if (id != null) {
				Matcher matcher = HEADING_STYLE.matcher(id);
				if (matcher.matches()) {
					return Integer.parseInt(matcher.group(1));
				}
			}
			Integer outline = outlineLevel(paragraph.getCTP().getPPr());
			if (outline == null && id != null && this.document.getStyles() != null) {
				XWPFStyle definition = this.document.getStyles().getStyle(id);
				if (definition != null && definition.getCTStyle() != null) {
					CTPPrGeneral general = definition.getCTStyle().getPPr();
					outline = (general != null && general.isSetOutlineLvl())
							? general.getOutlineLvl().getVal().intValue() : null;
				}
			}
			// 0..5 are heading levels 1..6; 9 is body text
			return (outline != null && outline >= 0 && outline <= 5) ? outline + 1 : 0;
		}

		private static Integer outlineLevel(CTPPr properties) {
			if (properties == null || !properties.isSetOutlineLvl()) {
				return null;
			}
			CTDecimalNumber level = properties.getOutlineLvl();
			return (level.getVal() != null) ? level.getVal().intValue() : null;
		}

		private static String plainText(XWPFParagraph paragraph) {
			return VietnameseText.nfc(Objects.requireNonNullElse(paragraph.getText(), "")).strip();
		}

	}

	/** A run's formatting; text with the same formatting is written as one element. */
	private record Span(boolean bold, boolean italic, boolean struck, String href) {

		String render(String text) {
			String inner = escape(VietnameseText.nfc(text)).replace("\t", " ")
				.replace("\r\n", "<br>")
				.replace("\n", "<br>")
				.replace("\r", "<br>");
			// spaces at the edges stay outside the emphasis, as Markdown needs
			String stripped = inner.strip();
			if (stripped.isEmpty() || (!this.bold && !this.italic && !this.struck && this.href == null)) {
				return inner;
			}
			String lead = inner.substring(0, inner.indexOf(stripped));
			String trail = inner.substring(lead.length() + stripped.length());
			String out = stripped;
			if (this.struck) {
				out = "<del>" + out + "</del>";
			}
			if (this.italic) {
				out = "<em>" + out + "</em>";
			}
			if (this.bold) {
				out = "<strong>" + out + "</strong>";
			}
			if (this.href != null) {
				out = "<a href=\"" + escape(this.href) + "\">" + out + "</a>";
			}
			return lead + out + trail;
		}

	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
