package vn.bantin.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a link found in the site points to, seen from the page it is on: a file of the
 * export (followed and rewritten), a part of the application that only works live
 * (sign-in, the API: left pointing at the running application), or somewhere else (left
 * as it is). Both the crawl and the rewriting ask this same class, so that a link is
 * followed exactly when it is rewritten.
 */
final class Links {

	/** Absolute addresses in feeds, the sitemap and robots.txt. */
	static final Pattern ABSOLUTE = Pattern.compile("https?://[^\\s\"'<>]+");

	/** {@code url(...)} in a stylesheet. */
	static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");

	/**
	 * First path segments that need the running application: never exported (the email
	 * sign-up, preference and unsubscribe pages post to it).
	 */
	private static final Set<String> LIVE_ONLY = Set.of("admin", "login", "logout", "api", "calendar", "actuator",
			"swagger-ui", "swagger-ui.html", "v3", "error", "subscribe", "preferences", "unsubscribe");

	/** First path segments of files a page in another language shares with the others. */
	private static final Set<String> SHARED = Set.of("feeds", "media", "css", "js", "images", "commune", "sitemap.xml",
			"robots.txt");

	static final String LANGUAGE = "lang";

	private final URI application;

	/**
	 * The origin the application names itself with in its pages: its own address, or the
	 * commune's host name at its port when the crawl names one.
	 */
	private final URI named;

	private final String live;

	private final String defaultLanguage;

	private final Set<String> languages;

	/**
	 * @param application where the application answers the crawl
	 * @param live the public address of the running application (the commune's website
	 * URL), ending with a slash: links in it are links of the site too
	 * @param defaultLanguage the commune's language, the one a page without
	 * {@code ?lang=} is in
	 */
	Links(URI application, String live, String defaultLanguage) {
		this(application, live, defaultLanguage, Set.of());
	}

	/**
	 * @param languages the languages besides the commune's to export pages in (empty:
	 * every language the pages link to); links to pages in others go to the live site
	 */
	Links(URI application, String live, String defaultLanguage, Set<String> languages) {
		this(application, null, live, defaultLanguage, languages);
	}

	/**
	 * @param host the host name every request of the crawl names (a commune's, in a
	 * province), or null: the application's links then name it at the application's port
	 */
	Links(URI application, String host, String live, String defaultLanguage, Set<String> languages) {
		this.application = application;
		this.named = (host != null) ? URI.create(application.getScheme() + "://" + host + ":" + port(application) + "/")
				: application;
		this.live = live;
		this.defaultLanguage = defaultLanguage;
		this.languages = Set.copyOf(languages);
	}

	String live() {
		return this.live;
	}

	String defaultLanguage() {
		return this.defaultLanguage;
	}

	/** Where to ask the application for an address. */
	URI request(Address address) {
		return this.application.resolve(address.pathAndQuery());
	}

	/**
	 * The address of the site a link on {@code page} points to (with its fragment), or
	 * empty for links elsewhere, fragments of the page itself, {@code mailto:} and the
	 * like.
	 */
	Optional<Target> resolve(Address page, String href) {
		String link = (href != null) ? href.strip() : "";
		if (link.isEmpty() || link.startsWith("#")) {
			return Optional.empty();
		}
		String scheme = link.toLowerCase(Locale.ROOT);
		if (scheme.startsWith("mailto:") || scheme.startsWith("tel:") || scheme.startsWith("javascript:")
				|| scheme.startsWith("data:")) {
			return Optional.empty();
		}
		URI uri;
		try {
			URI from = request(page);
			// java.net.URI follows RFC 2396 here: "?q" would lose the page's last segment
			uri = link.startsWith("?")
					? lenient(from.getScheme() + "://" + from.getRawAuthority() + from.getRawPath() + link)
					: from.resolve(lenient(link));
		}
		catch (IllegalArgumentException | URISyntaxException ex) {
			return Optional.empty();
		}
		String fragment = uri.getRawFragment();
		String onSite;
		if (sameOrigin(uri, this.application) || sameOrigin(uri, this.named)) {
			onSite = uri.getRawPath();
		}
		else {
			String absolute = uri.toString();
			String withoutSlash = this.live.substring(0, this.live.length() - 1);
			if (absolute.startsWith(this.live)) {
				onSite = "/" + absolute.substring(this.live.length());
			}
			else if (absolute.equals(withoutSlash) || absolute.startsWith(withoutSlash + "#")
					|| absolute.startsWith(withoutSlash + "?")) {
				onSite = "/" + absolute.substring(withoutSlash.length());
			}
			else {
				return Optional.empty();
			}
			try {
				uri = this.application.resolve(new URI(onSite));
			}
			catch (IllegalArgumentException | URISyntaxException ex) {
				return Optional.empty();
			}
		}
		if (onSite == null) {
			return Optional.empty();
		}
		return Address.of(uri)
			.map((address) -> new Target(language(page, address), (fragment != null) ? "#" + fragment : ""));
	}

	/**
	 * Whether the address is left to the running application: sign-in, the API, pages in
	 * a language not exported.
	 */
	boolean liveOnly(Address address) {
		String language = address.query().get(LANGUAGE);
		return LIVE_ONLY.contains(address.top()) || (language != null && !this.languages.isEmpty()
				&& !this.languages.contains(language.toLowerCase(Locale.ROOT)));
	}

	/**
	 * The language of a link's target: the one it names, else the page's own (the
	 * application remembers a visitor's choice in a cookie, the export in the address);
	 * the commune's language is the one of addresses without {@code ?lang=}.
	 */
	private Address language(Address page, Address target) {
		String language = target.query().get(LANGUAGE);
		if (language == null && target.pageLike() && !SHARED.contains(target.top())
				&& !LIVE_ONLY.contains(target.top())) {
			language = page.query().get(LANGUAGE);
		}
		if (language == null || language.toLowerCase(Locale.ROOT).equals(this.defaultLanguage)) {
			// a page in the commune's language has no ?lang= of its own
			return target.query().containsKey(LANGUAGE) ? target.with(LANGUAGE, null) : target;
		}
		return target.query().containsKey(LANGUAGE) ? target : target.with(LANGUAGE, language);
	}

	private static boolean sameOrigin(URI uri, URI other) {
		return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(other.getScheme()) && uri.getHost() != null
				&& uri.getHost().equalsIgnoreCase(other.getHost()) && port(uri) == port(other);
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/**
	 * A URI from a link as written in a page, percent-encoding what a browser would
	 * (spaces, letters outside ASCII) so that Vietnamese paths resolve.
	 */
	static URI lenient(String link) throws URISyntaxException {
		StringBuilder encoded = new StringBuilder();
		for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
					|| c == '{' || c == '|' || c == '}') {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
			else {
				encoded.append((char) c);
			}
		}
		return new URI(encoded.toString());
	}

	/**
	 * A link's target on the site.
	 *
	 * @param address the page or file
	 * @param fragment {@code #...} or empty
	 */
	record Target(Address address, String fragment) {
	}

}
