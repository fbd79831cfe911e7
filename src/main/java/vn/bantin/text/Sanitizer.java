package vn.bantin.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one HTML policy of Bản tin: both {@link Markdown#toHtml rendered Markdown} and
 * {@link SafeHtml#clean pasted HTML} pass through {@link #clean}, so both give the same
 * guarantees.
 *
 * <p>
 * Cleaning has three steps. First the dirty tree is <em>prepared</em>: presentational
 * markup that carries meaning is turned into the allowed equivalent ({@code b} to
 * {@code strong}, {@code i} to {@code em}, Word's fake list paragraphs to real lists,
 * inline-only {@code div}s to paragraphs). This step only renames, moves and unwraps
 * nodes, so it cannot make anything unsafe. Then jsoup's {@link Cleaner} copies only what
 * the {@link #SAFELIST} allows into a fresh document. Finally the clean tree is tidied:
 * every URL's scheme is checked a second time the way a browser reads it, links without
 * an allowed URL are unwrapped, images without one, empty paragraphs, lists and tables
 * are removed, whitespace between blocks is collapsed, and text and attribute values are
 * normalised to NFC. This step only removes, unwraps or normalises, with one exception:
 * an image without {@code alt} gets an empty one ({@code alt=""}, decorative), since an
 * {@code img} without it is invalid HTML and a serious accessibility fault; an existing
 * alt text (Markdown's {@code ![text](...)}, a pasted one) is kept.
 *
 * <p>
 * None of the allowed elements has raw-text content (as {@code script}, {@code style},
 * {@code textarea} or {@code noscript} have), so a browser parsing the output sees the
 * same elements and attributes that were checked.
 */
final class Sanitizer {

	/**
	 * Placeholder base URI. jsoup resolves each URL against it to check its scheme; a
	 * relative URL ({@code media/x.png}) resolves to https and is kept as written, since
	 * the safelist preserves relative links.
	 */
	static final String BASE_URI = "https://bantin.invalid/";

	/**
	 * What may survive: text structure (headings, paragraphs, line breaks, rules, lists,
	 * block quotes, preformatted code), inline emphasis ({@code em}, {@code strong},
	 * {@code del}, {@code code}, {@code sup}, {@code sub}), links (http, https, mailto or
	 * relative; {@code rel="nofollow noopener"} is always set), images (http, https or
	 * relative) and tables. Nothing else: no scripts, styles or style attributes, no
	 * classes or ids, no event handlers, no frames, objects, embeds, forms, SVG or
	 * MathML, no {@code javascript:}, {@code vbscript:} or {@code data:} URLs.
	 */
	private static final Safelist SAFELIST = new Safelist()
		.addTags("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "blockquote", "pre", "code",
				"em", "strong", "del", "sup", "sub", "a", "img", "table", "thead", "tbody", "tr", "th", "td")
		.addAttributes("a", "href", "title")
		.addAttributes("img", "src", "alt", "title")
		.addAttributes("ol", "start")
		.addAttributes("th", "align", "colspan", "rowspan")
		.addAttributes("td", "align", "colspan", "rowspan")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https")
		.addEnforcedAttribute("a", "rel", "nofollow noopener")
		.preserveRelativeLinks(true);

	/** Elements that start a block of their own, for the prepare and tidy steps. */
	static final Set<String> BLOCKS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "hr", "ul", "ol", "li",
			"blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "section", "article",
			"figure", "figcaption", "center", "dl", "dt", "dd", "caption");

	private static final Set<String> DIV_LIKE = Set.of("div", "section", "article", "figure", "figcaption", "center",
			"dt", "dd");

	private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

	private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

	private static final Pattern URL_SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

	private static final Pattern WORD_LIST_LEVEL = Pattern.compile("mso-list:\\s*l\\d+\\s+level(\\d+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ORDERED_MARKER = Pattern.compile("\\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]");

	private static final Pattern NORMAL_WEIGHT = Pattern.compile("font-weight:\\s*(normal|[1-4]00)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BOLD = Pattern.compile("font-weight:\\s*(bold|bolder|[6-9]00)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ITALIC = Pattern.compile("font-style:\\s*italic\\b", Pattern.CASE_INSENSITIVE);

	private Sanitizer() {
	}

	/**
	 * Parses {@code html} as a body fragment and returns the cleaned {@code body}
	 * element, whose owner document serialises without pretty-printing.
	 */
	static Element clean(String html) {
		Document dirty = Jsoup.parseBodyFragment(html, BASE_URI);
		prepareTree(dirty.body());
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
		tidy(clean.body());
		return clean.body();
	}

	/** Returns the cleaned body's inner HTML. */
	static String html(Element body) {
		return body.html().strip();
	}

	private static void prepareTree(Element body) {
		convertWordLists(body);
		List<Element> elements = new ArrayList<>(body.getAllElements());
		// innermost first, so that a div knows whether its children are blocks
		for (int i = elements.size() - 1; i > 0; i--) {
			prepareElement(elements.get(i));
		}
	}

	private static void prepareElement(Element el) {
		String name = el.normalName();
		String style = el.attr("style");
		switch (name) {
			case "b", "strong" -> {
				// Google Docs wraps a whole paste in <b style="font-weight:normal">
				if (NORMAL_WEIGHT.matcher(style).find()) {
					el.unwrap();
				}
				else {
					el.tagName("strong");
				}
			}
			case "i" -> el.tagName("em");
			case "s", "strike" -> el.tagName("del");
			case "span", "font" -> emphasisFromStyle(el, style);
			case "tfoot" -> el.tagName("tbody");
			case "caption" -> {
				Element table = el.parent();
				el.tagName("p");
				if (table != null && table.normalName().equals("table")) {
					el.remove();
					table.before(el);
				}
			}
			default -> {
				if (DIV_LIKE.contains(name)) {
					if (el.children().stream().anyMatch((child) -> BLOCKS.contains(child.normalName()))) {
						el.unwrap();
					}
					else {
						el.tagName("p");
					}
				}
			}
		}
	}

	private static void emphasisFromStyle(Element el, String style) {
		boolean bold = BOLD.matcher(style).find();
		boolean italic = ITALIC.matcher(style).find();
		if (bold) {
			el.tagName("strong");
		}
		if (italic) {
			if (bold) {
				Element em = new Element("em");
				em.appendChildren(new ArrayList<>(el.childNodes()));
				el.appendChild(em);
			}
			else {
				el.tagName("em");
			}
		}
	}

	/**
	 * Word writes list items as paragraphs with {@code style="mso-list:l0 level1 lfo1"}
	 * and the bullet or number as text between {@code <![if !supportLists]>} and
	 * {@code <![endif]>} (or in a {@code <span style="mso-list:Ignore">}). Consecutive
	 * such paragraphs become one list, nested by level; a number or letter marker makes
	 * it ordered.
	 */
	private static void convertWordLists(Element body) {
		Element root = null;
		Deque<Element> lists = new ArrayDeque<>();
		Deque<Integer> levels = new ArrayDeque<>();
		for (Element p : body.select("p[style]")) {
			Matcher level = WORD_LIST_LEVEL.matcher(p.attr("style"));
			if (!level.find()) {
				continue;
			}
			int depth = Integer.parseInt(level.group(1));
			boolean ordered = ORDERED_MARKER.matcher(removeWordListMarker(p)).matches();
			if (root == null || p.previousElementSibling() != root) {
				root = new Element(ordered ? "ol" : "ul");
				p.before(root);
				lists.clear();
				levels.clear();
				lists.push(root);
				levels.push(depth);
			}
			while (levels.size() > 1 && levels.peek() > depth) {
				levels.pop();
				lists.pop();
			}
			if (depth > levels.peek()) {
				Element lastItem = lists.peek().children().last();
				Element nested = new Element(ordered ? "ol" : "ul");
				((lastItem != null) ? lastItem : lists.peek()).appendChild(nested);
				lists.push(nested);
				levels.push(depth);
			}
			Element item = new Element("li");
			item.appendChildren(new ArrayList<>(p.childNodes()));
			lists.peek().appendChild(item);
			p.remove();
		}
	}

	private static String removeWordListMarker(Element p) {
		StringBuilder marker = new StringBuilder();
		for (Comment start : p.nodeStream(Comment.class).toList()) {
			if (start.parent() == null
					|| !start.getData().strip().toLowerCase(Locale.ROOT).startsWith("[if !supportlists]")) {
				continue;
			}
			Node node = start.nextSibling();
			while (node != null && !(node instanceof Comment end && end.getData().contains("endif"))) {
				Node next = node.nextSibling();
				marker.append((node instanceof Element el) ? el.wholeText()
						: (node instanceof TextNode text) ? text.getWholeText() : "");
				node.remove();
				node = next;
			}
			if (node != null) {
				node.remove();
			}
			start.remove();
		}
		for (Element ignored : p.select("span[style]")) {
			if (ignored.attr("style").replaceAll("\\s", "").toLowerCase(Locale.ROOT).contains("mso-list:ignore")) {
				marker.append(ignored.wholeText());
				ignored.remove();
			}
		}
		return marker.toString().replace('\u00A0', ' ').strip();
	}

	private static void tidy(Element body) {
		for (Element a : body.select("a")) {
			if (!hasAllowedUrl(a, "href", LINK_SCHEMES)) {
				a.unwrap();
			}
		}
		for (Element img : body.select("img")) {
			if (!hasAllowedUrl(img, "src", IMAGE_SCHEMES)) {
				img.remove();
			}
			else if (!img.hasAttr("alt")) {
				img.attr("alt", "");
			}
		}
		for (Element block : body.select("p, h1, h2, h3, h4, h5, h6")) {
			if (block.text().replace('\u00A0', ' ').isBlank() && block.select("img").isEmpty()) {
				block.remove();
			}
		}
		body.select("table:not(:has(tr)), ul:not(:has(li)), ol:not(:has(li))").remove();
		for (TextNode text : body.nodeStream(TextNode.class).toList()) {
			if (text.isBlank() && betweenBlocks(text)) {
				if (text.previousSibling() instanceof TextNode previous && previous.isBlank()) {
					text.remove();
				}
				else {
					text.text("\n");
				}
			}
		}
		body.nodeStream().forEach(Sanitizer::nfc);
	}

	/**
	 * Whether a whitespace-only text node sits where whitespace means nothing: inside a
	 * list or table, or between two blocks; pastes are full of such runs.
	 */
	private static boolean betweenBlocks(TextNode text) {
		String parent = text.parent().nodeName();
		if (Set.of("ul", "ol", "table", "thead", "tbody", "tr").contains(parent)) {
			return true;
		}
		if (!parent.equals("body") && !parent.equals("blockquote")) {
			return false;
		}
		Node previous = text.previousSibling();
		while (previous instanceof TextNode blank && blank.isBlank()) {
			previous = previous.previousSibling();
		}
		Node next = text.nextSibling();
		while (next instanceof TextNode blank && blank.isBlank()) {
			next = next.nextSibling();
		}
		return isBlockOrNothing(previous) && isBlockOrNothing(next);
	}

	/**
	 * Whether {@code el} has a non-blank {@code attribute} whose scheme, read the way a
	 * browser reads it (tabs and newlines removed, control characters and spaces trimmed,
	 * lower case), is one of {@code schemes} or absent (a relative URL). jsoup has
	 * checked this already; checking again guards against any difference between its URL
	 * parser and a browser's.
	 */
	private static boolean hasAllowedUrl(Element el, String attribute, Set<String> schemes) {
		String url = el.attr(attribute);
		if (url.isBlank()) {
			return false;
		}
		String bare = url.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+", "");
		Matcher scheme = URL_SCHEME.matcher(bare.toLowerCase(Locale.ROOT));
		return !scheme.find() || schemes.contains(scheme.group(1));
	}

	private static boolean isBlockOrNothing(Node node) {
		return node == null || (node instanceof Element el && BLOCKS.contains(el.normalName()));
	}

	private static void nfc(Node node) {
		if (node instanceof TextNode text) {
			String whole = text.getWholeText();
			String normal = VietnameseText.nfc(whole);
			if (!normal.equals(whole)) {
				text.text(normal);
			}
		}
		else if (node instanceof Element el) {
			for (Attribute attribute : el.attributes()) {
				String value = attribute.getValue();
				String normal = VietnameseText.nfc(value);
				if (!normal.equals(value)) {
					attribute.setValue(normal);
				}
			}
		}
	}

}
