package vn.bantin.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.web.util.UriUtils;

/**
 * Rewrites what the application answered so that it works as static files under the base
 * URL. In pages, links to the site's pages and files become relative and name the file
 * ({@code ../../items/x/index.html}), so the export also opens from disk; canonical and
 * Open Graph addresses become absolute under the base URL; forms (search, filters) and
 * the staff sign-in need the running application and point at its public address (the
 * commune's website URL). In feeds, the sitemap and {@code robots.txt} every address of
 * the site becomes absolute under the base URL. A link to an address that did not answer
 * is made absolute too (it is reported), never left pointing at a missing file.
 */
final class Rewriting {

	private final Links links;

	private final Map<Address, Crawl.Fetched> fetched;

	private final String base;

	private final String basePath;

	/**
	 * @param base the base URL, ending with a slash
	 */
	Rewriting(Links links, Map<Address, Crawl.Fetched> fetched, String base) {
		this.links = links;
		this.fetched = fetched;
		this.base = base;
		String path = java.net.URI.create(base).getRawPath();
		this.basePath = (path == null || path.isEmpty()) ? "/" : path;
	}

	/** The file an answer is written to, as path segments under the export folder. */
	List<String> fileOf(Crawl.Fetched answer) {
		return answer.address().file(answer.kind() == Crawl.Kind.HTML, Crawl.Kind.extension(answer.contentType()));
	}

	/**
	 * The rewritten content of an answer, or null for a file copied as it is (images,
	 * audio, documents).
	 * @param rootRelative whether links in a page are written from the server's root (the
	 * 404 page, served at any depth) rather than relative to the page
	 */
	byte[] content(Crawl.Fetched answer, boolean rootRelative) {
		try {
			return switch (answer.kind()) {
				case HTML -> page(answer, rootRelative);
				case XML -> absolute(answer, true);
				case TEXT -> absolute(answer, false);
				case CSS -> stylesheet(answer);
				case OTHER -> null;
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(answer.address() + ": " + ex.getMessage(), ex);
		}
	}

	private byte[] page(Crawl.Fetched answer, boolean rootRelative) throws IOException {
		Address page = answer.address();
		Document document = Jsoup.parse(answer.body().toFile(), "UTF-8", this.links.request(page).toString());
		document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
		List<String> from = rootRelative ? List.of("404.html") : fileOf(answer);
		for (Element element : document.select("[href], [src], [action], [poster], meta[property][content]")) {
			for (String attribute : List.of("href", "src", "action", "poster", "content")) {
				if (!element.hasAttr(attribute)) {
					continue;
				}
				boolean meta = attribute.equals("content");
				if (meta && !(element.normalName().equals("meta")
						&& List.of("og:url", "og:image", "og:audio").contains(element.attr("property")))) {
					continue;
				}
				Optional<Links.Target> target = this.links.resolve(page, element.attr(attribute));
				if (target.isEmpty()) {
					continue;
				}
				Address address = target.get().address();
				String fragment = target.get().fragment();
				boolean canonical = element.normalName().equals("link")
						&& element.attr("rel").equalsIgnoreCase("canonical");
				String rewritten;
				if (attribute.equals("action") || this.links.liveOnly(address)) {
					rewritten = this.links.live() + address.pathAndQuery().substring(1) + fragment;
				}
				else if (meta || canonical || !exported(address)) {
					rewritten = absolute(address) + fragment;
				}
				else if (rootRelative) {
					rewritten = this.basePath + encoded(fileOf(this.fetched.get(address))) + fragment;
				}
				else {
					rewritten = relative(from, fileOf(this.fetched.get(address))) + fragment;
				}
				element.attr(attribute, rewritten);
			}
		}
		return document.outerHtml().getBytes(StandardCharsets.UTF_8);
	}

	private byte[] absolute(Crawl.Fetched answer, boolean xml) throws IOException {
		String text = Files.readString(answer.body(), StandardCharsets.UTF_8);
		Matcher matcher = Links.ABSOLUTE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			String url = matcher.group();
			Optional<Links.Target> target = this.links.resolve(answer.address(), xml ? url.replace("&amp;", "&") : url)
				.filter((found) -> !this.links.liveOnly(found.address()));
			String rewritten = target.map((found) -> absolute(found.address()) + found.fragment()).orElse(url);
			if (xml && target.isPresent()) {
				rewritten = rewritten.replace("&", "&amp;");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(rewritten));
		}
		matcher.appendTail(out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private byte[] stylesheet(Crawl.Fetched answer) throws IOException {
		String text = Files.readString(answer.body(), StandardCharsets.UTF_8);
		List<String> from = fileOf(answer);
		Matcher matcher = Links.CSS_URL.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			String rewritten = this.links.resolve(answer.address(), matcher.group(2))
				.filter((found) -> exported(found.address()))
				.map((found) -> "url(" + relative(from, fileOf(this.fetched.get(found.address()))) + found.fragment()
						+ ")")
				.orElse(matcher.group());
			matcher.appendReplacement(out, Matcher.quoteReplacement(rewritten));
		}
		matcher.appendTail(out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private boolean exported(Address address) {
		Crawl.Fetched answer = this.fetched.get(address);
		return answer != null && answer.ok();
	}

	/**
	 * The absolute address of a page or file under the base URL: pages keep their clean
	 * address ({@code items/x}, which static servers answer with its {@code index.html}),
	 * except pages of a list ({@code items/page/2/}); files are named as written.
	 */
	String absolute(Address address) {
		Crawl.Fetched answer = this.fetched.get(address);
		if (answer == null || !answer.ok()) {
			return this.base + address.pathAndQuery().substring(1);
		}
		List<String> file = fileOf(answer);
		if (answer.kind() != Crawl.Kind.HTML) {
			return this.base + encoded(file);
		}
		if (address.query().isEmpty()) {
			return this.base + address.path().substring(1);
		}
		return this.base + encoded(file.subList(0, file.size() - 1)) + "/";
	}

	/** The relative link from the file {@code from} to the file {@code to}. */
	static String relative(List<String> from, List<String> to) {
		int common = 0;
		int fromFolders = from.size() - 1;
		int toFolders = to.size() - 1;
		while (common < fromFolders && common < toFolders && from.get(common).equals(to.get(common))) {
			common++;
		}
		StringBuilder link = new StringBuilder();
		link.append("../".repeat(fromFolders - common));
		link.append(encoded(to.subList(common, to.size())));
		return link.toString();
	}

	private static String encoded(List<String> segments) {
		StringBuilder path = new StringBuilder();
		for (String segment : segments) {
			if (!path.isEmpty()) {
				path.append('/');
			}
			path.append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
		}
		return path.toString();
	}

}
