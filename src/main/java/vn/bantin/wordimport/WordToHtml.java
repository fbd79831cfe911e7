package vn.bantin.wordimport;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.springframework.util.StringUtils;

import vn.bantin.system.FileSignature;
import vn.bantin.text.VietnameseText;

/**
 * One walk over one Word document, in order, turning it into simple HTML and the images
 * it shows: headings from the {@code Heading 1}–{@code 6} styles or the outline level,
 * paragraphs, bold, italic and struck-through runs, links, bullet and numbered lists
 * nested by level, tables with the first row as header, content controls as their text,
 * and images (PNG, JPEG or GIF only, recognised by their first bytes, at most
 * {@value #MAX_IMAGES}; one file per picture however often it is shown). Empty
 * paragraphs, which only space the page in Word, are left out.
 *
 * <p>
 * The title is the paragraph styled {@code Title}, else the document's title property,
 * else the first heading, else the first paragraph; a {@code Title} paragraph is not
 * repeated in the body. Text is NFC.
 *
 * <p>
 * Kept apart from {@link WordImport}, which checks the upload and stores the images: this
 * class knows WordprocessingML and POI, and nothing about files, the media folder or what
 * becomes of the HTML.
 */
final class WordToHtml {

	/** At most this many images are kept from one file. */
	static final int MAX_IMAGES = 200;

	private static final Pattern HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-6])");

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

	private WordToHtml(XWPFDocument document, String imagePath) {
		this.document = document;
		this.imagePath = imagePath;
	}

	private Converted convert() {
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
		for (String candidate : new String[] { this.styledTitle, coreTitle, this.firstHeading, this.firstParagraph }) {
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
			List<CTNonVisualDrawingProps> drawings = PictureAltText.drawings(run);
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
						.append(escape(PictureAltText.of(picture, drawing)))
						.append("\">");
				}
			}
		}
		if (open != null) {
			out.append(open.render(text.toString()));
		}
		return out.toString();
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
				outline = (general != null && general.isSetOutlineLvl()) ? general.getOutlineLvl().getVal().intValue()
						: null;
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

	/**
	 * Walks a document.
	 * @param imagePath where the images will be served from, ending with '/'
	 */
	static Converted convert(XWPFDocument document, String imagePath) {
		return new WordToHtml(document, imagePath).convert();
	}

	/** The image type named by the first bytes, or null for a type that is not kept. */
	static String imageExtension(byte[] bytes) {
		return FileSignature.extension(bytes).filter(Set.of("png", "jpg", "gif")::contains).orElse(null);
	}

	/**
	 * What a document gave.
	 *
	 * @param title the title, never blank
	 * @param html the body as HTML, still to be cleaned
	 * @param images the images the HTML shows, by name under the image path
	 */
	record Converted(String title, String html, List<Image> images) {
	}

	/** An image to store under its name. */
	record Image(String name, byte[] bytes) {
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
