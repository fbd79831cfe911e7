package vn.bantin.site;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.commune.Commune;
import vn.bantin.commune.SiteAddress;
import vn.bantin.commune.CommuneIdentity;
import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;

/**
 * The news feeds residents subscribe to: RSS 2.0 and Atom 1.0 of every item, of one theme
 * and of one tag, and a podcast of the items with audio. Links are absolute, built from
 * the request's own address so the feeds work behind any host name. Each answer carries
 * an ETag and Last-Modified and is answered 304 when the reader already has it. An
 * unknown theme is a 404 (themes come from the plans); an unknown tag gives an empty
 * feed, since a tag exists only while some item carries it and a subscriber should keep
 * the feed.
 */
@Controller
class FeedController {

	static final String RSS_TYPE = "application/rss+xml; charset=utf-8";

	static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";

	/** Feeds are written in Vietnamese, as their {@code language} says. */
	static final Locale FEED_LOCALE = Locale.forLanguageTag("vi");

	private final FeedItems items;

	private final PodcastAudio audio;

	private final Commune commune;

	private final PlanCatalog plans;

	private final MessageSource messages;

	private final PageVersion siteVersion;

	private final SiteAddress address;

	FeedController(FeedItems items, PodcastAudio audio, Commune commune, PlanCatalog plans, MessageSource messages,
			PageVersion site, SiteAddress address) {
		this.address = address;
		this.messages = messages;
		this.siteVersion = site;
		this.items = items;
		this.audio = audio;
		this.commune = commune;
		this.plans = plans;
	}

	@GetMapping("/feeds/rss.xml")
	void rss(ServletWebRequest request, HttpServletResponse response) throws IOException {
		feed(FeedScope.ALL, FeedWriter.RSS, null, request, response);
	}

	@GetMapping("/feeds/atom.xml")
	void atom(ServletWebRequest request, HttpServletResponse response) throws IOException {
		feed(FeedScope.ALL, FeedWriter.ATOM, null, request, response);
	}

	@GetMapping("/feeds/themes/{key}/rss.xml")
	void themeRss(@PathVariable String key, ServletWebRequest request, HttpServletResponse response)
			throws IOException {
		feed(FeedScope.theme(key), FeedWriter.RSS, theme(key).title(), request, response);
	}

	@GetMapping("/feeds/themes/{key}/atom.xml")
	void themeAtom(@PathVariable String key, ServletWebRequest request, HttpServletResponse response)
			throws IOException {
		feed(FeedScope.theme(key), FeedWriter.ATOM, theme(key).title(), request, response);
	}

	@GetMapping("/feeds/tags/{tag}/rss.xml")
	void tagRss(@PathVariable String tag, ServletWebRequest request, HttpServletResponse response) throws IOException {
		feed(FeedScope.tag(tag), FeedWriter.RSS, "#" + tag, request, response);
	}

	@GetMapping("/feeds/tags/{tag}/atom.xml")
	void tagAtom(@PathVariable String tag, ServletWebRequest request, HttpServletResponse response) throws IOException {
		feed(FeedScope.tag(tag), FeedWriter.ATOM, "#" + tag, request, response);
	}

	@GetMapping("/feeds/podcast.xml")
	void podcast(ServletWebRequest request, HttpServletResponse response) throws IOException {
		feed(FeedScope.PODCAST, FeedWriter.RSS, "Podcast", request, response);
	}

	private PlanView.Theme theme(String key) {
		return this.plans.themes()
			.stream()
			.filter((theme) -> theme.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}

	private void feed(FeedScope scope, String type, String subtitle, ServletWebRequest request,
			HttpServletResponse response) throws IOException {
		List<FeedWriter.Entry> entries = this.items.latest(scope)
			.stream()
			.map((item) -> new FeedWriter.Entry(item,
					(scope.kind() == FeedScope.Kind.PODCAST) ? this.audio.episode(item) : java.util.Optional.empty()))
			.filter((entry) -> scope.kind() != FeedScope.Kind.PODCAST || entry.episode().isPresent())
			.toList();
		// an episode's file replaced under the same name changes its length and duration:
		// that is a new version of the podcast too
		String episodes = entries.stream()
			.flatMap((entry) -> entry.episode().stream())
			.map((episode) -> " " + episode.length() + " " + episode.duration())
			.collect(java.util.stream.Collectors.joining());
		FeedVersion version = FeedVersion.of(scope.key() + "/" + type + episodes,
				entries.stream().map(FeedWriter.Entry::item).toList(), this.siteVersion.lastModified());
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic().getHeaderValue());
		if (request.checkNotModified(version.etag(), version.lastModified().toEpochMilli())) {
			return;
		}
		// the commune's own address in a province (see SiteAddress#base(request))
		String site = this.address.base(request.getRequest());
		String self = site
				+ request.getRequest().getRequestURI().substring(request.getRequest().getContextPath().length());
		CommuneIdentity identity = this.commune.identity();
		String title = (subtitle != null) ? identity.name() + " – " + subtitle : identity.name();
		String artwork = null;
		if (scope.kind() == FeedScope.Kind.PODCAST) {
			artwork = site + (identity.hasLogo() ? "/commune/logo" : "/images/podcast.png");
		}
		FeedWriter.Channel channel = new FeedWriter.Channel(title,
				this.messages.getMessage("feed.description", new Object[] { identity.name() }, FEED_LOCALE), site, self,
				artwork, identity.name());
		response.setContentType(FeedWriter.RSS.equals(type) ? RSS_TYPE : ATOM_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Instant updated = entries.isEmpty() ? null : version.newest();
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		FeedWriter.write(type, channel, entries, updated, out);
		out.flush();
	}

}
