package vn.bantin.text;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Element;

/**
 * Renders the Markdown an item is written in for every channel: HTML for the website,
 * feeds and the HTML part of emails, plain text for the text part of emails, spoken text
 * for the radio.
 *
 * <p>
 * The Markdown is CommonMark with GFM tables. Input is normalised to NFC first. Raw HTML
 * inside the Markdown is allowed through the parser but the rendered HTML is always
 * cleaned with the same policy as {@link SafeHtml#clean pasted HTML}, so the result
 * contains only:
 * <ul>
 * <li>headings {@code h1}–{@code h6}, {@code p}, {@code br}, {@code hr},
 * {@code blockquote}, {@code pre}, lists ({@code ul}, {@code ol} with {@code start},
 * {@code li});</li>
 * <li>{@code em}, {@code strong}, {@code del}, {@code code}, {@code sup}, {@code sub}
 * ({@code b}, {@code i}, {@code s} written as raw HTML become {@code strong}, {@code em},
 * {@code del});</li>
 * <li>links {@code a} with {@code href} and {@code title}, the href being http, https,
 * mailto or relative, always with {@code rel="nofollow noopener"};</li>
 * <li>images {@code img} with {@code src}, {@code alt} and {@code title}, the src being
 * http, https or relative (attachments such as {@code media/x.png} are kept as written);
 * an image always has an {@code alt}: its alt text, or an empty one (decorative) when it
 * has none, so that the page stays valid HTML;</li>
 * <li>tables ({@code table}, {@code thead}, {@code tbody}, {@code tr}, {@code th},
 * {@code td} with {@code align}, {@code colspan}, {@code rowspan}).</li>
 * </ul>
 * Everything else is dropped: scripts, styles and style attributes, classes, event
 * handlers, frames, objects, forms, SVG, MathML, comments, and any URL with another
 * scheme ({@code javascript:}, {@code vbscript:}, {@code data:}, ...). A link whose URL
 * was dropped keeps its text; an image whose URL was dropped disappears. Text of dropped
 * elements is kept, the content of scripts and styles is not.
 *
 * <p>
 * The HTML is meant to be inserted into a page as it is (Thymeleaf's {@code th:utext}).
 * It is not a template: text such as <code>{{...}}</code> or {@code [[...]]} stays
 * literal, so it must not pass through anything that evaluates such syntax.
 *
 * <p>
 * All methods are static, thread-safe and treat {@code null} as empty text.
 */
public final class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private Markdown() {
	}

	/**
	 * Renders {@code markdown} to safe HTML (see the class description for what may
	 * appear in it). The result is an HTML fragment for the inside of a page's article
	 * element, an RSS description or an email body.
	 */
	public static String toHtml(String markdown) {
		return Sanitizer.html(clean(markdown));
	}

	/**
	 * Renders {@code markdown} as readable plain text, for the text part of an email:
	 * headings, paragraphs, lists and tables separated by blank lines; list items on
	 * lines of their own starting with {@code "- "}, or {@code "1. "}, {@code "2. "}...
	 * in ordered lists, nested items indented; links as {@code text (url)} when they have
	 * an http, https or mailto URL that differs from the text (relative links keep only
	 * their text); images as their alt text; table rows as cells separated by
	 * {@code " | "}. No markup is left: entities are decoded, and text that would read as
	 * an HTML tag ({@code <script>}) is removed even when the author escaped it. Spaces
	 * are collapsed, lines trimmed, the result is NFC.
	 *
	 * <p>
	 * Plain text is still not HTML: escape it before putting it into a page.
	 */
	public static String toPlainText(String markdown) {
		return PlainText.render(clean(markdown), false);
	}

	/**
	 * Renders {@code markdown} as a script to be read aloud on the radio (by an announcer
	 * or a text-to-speech voice). Like {@link #toPlainText} but without anything that
	 * cannot be said: links are reduced to their text, images are left out, unordered
	 * list items have no bullet (ordered ones keep their number), and each table row
	 * becomes one line pairing each cell with its column heading
	 * ({@code "Thôn: Thôn 1; Ngày: 12/12."}).
	 */
	public static String toSpokenText(String markdown) {
		return PlainText.render(clean(markdown), true);
	}

	private static Element clean(String markdown) {
		String source = (markdown != null) ? VietnameseText.nfc(markdown) : "";
		return Sanitizer.clean(RENDERER.render(PARSER.parse(source)));
	}

}
