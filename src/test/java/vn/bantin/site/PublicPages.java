package vn.bantin.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import vn.bantin.MutableClock;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.BantinProperties;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * The public pages the quality checks look at, on the running application: every page of
 * {@code sitemap.xml} plus pages the sitemap does not list (further list pages, tag and
 * archive pages, search results, the English about page, the 404 and error pages), and
 * one page of each kind for the slower browser checks. The first use puts the site in a
 * known state: the clock on 18 September 2026, while the storm warning of the samples is
 * live (so the home page shows the emergency banner), every approved sample published,
 * and enough extra items in one theme and one tag that their lists have a second page,
 * one of them with an audio attachment.
 */
@TestComponent
class PublicPages {

	/** When the checks look at the site. */
	static final Instant NOW = Instant.parse("2026-09-18T03:00:00Z");

	static final String THEME = "thu-tuc-hanh-chinh";

	static final String TAG = "kiem-tra-chat-luong";

	/**
	 * Added to the extra items' publication instants, so that they have microseconds as a
	 * real clock's do ({@code ...T02:00:00.395513Z}).
	 */
	static final Duration SUB_SECOND = Duration.ofNanos(395_513_000);

	/** A page the site answers with its 404 page. */
	static final String NOT_FOUND = "/khong-co-trang-nay";

	/**
	 * A request the site answers with its error page (a page number that is no number).
	 */
	static final String ERROR = "/items?page=mot";

	private final TestPublishedItems published;

	private final ItemCatalog catalog;

	private final MutableClock clock;

	private final BantinProperties properties;

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private String itemWithAudio;

	PublicPages(TestPublishedItems published, ItemCatalog catalog, MutableClock clock, BantinProperties properties,
			Environment environment) {
		this.published = published;
		this.catalog = catalog;
		this.clock = clock;
		this.properties = properties;
		this.environment = environment;
	}

	/** The address of a path on the running application. */
	String url(String path) {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port") + path;
	}

	/** Every page to check, by path: the sitemap's pages first, then the others. */
	List<String> all() {
		prepare();
		List<String> paths = new ArrayList<>();
		String sitemap = get("/sitemap.xml").text();
		String base = url("");
		for (String location : Jsoup.parse(sitemap, Parser.xmlParser()).select("url > loc").eachText()) {
			paths.add(location.substring(base.length()));
		}
		for (String extra : List.of("/items?page=2", "/themes/" + THEME + "?page=2", "/tags/" + TAG,
				"/tags/" + TAG + "?page=2", "/archive", "/archive/2026/09", "/search", "/search?q=cai+cach",
				"/search?q=huong+dan&page=2", "/about?lang=en", "/en/about", "/procedures?status=repealed",
				"/documents?q=76", "/items/" + this.itemWithAudio + "/print", "/subscribe", NOT_FOUND, ERROR)) {
			if (!paths.contains(extra)) {
				paths.add(extra);
			}
		}
		return paths;
	}

	/** One page of each kind, by name, for the checks in a browser. */
	Map<String, String> kinds() {
		prepare();
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("home", "/");
		kinds.put("item with attachments", "/items/" + this.itemWithAudio);
		kinds.put("list with pagination", "/items?page=2");
		kinds.put("theme", "/themes/" + THEME);
		kinds.put("tag", "/tags/" + TAG);
		kinds.put("archive", "/archive");
		kinds.put("month", "/archive/2026/09");
		kinds.put("search results", "/search?q=cai+cach");
		kinds.put("procedures", "/procedures");
		kinds.put("procedure", "/procedures/dang-ky-khai-sinh");
		kinds.put("documents", "/documents");
		kinds.put("plans", "/plans");
		kinds.put("plan", "/plans/ke-hoach-tuyen-truyen-cchc-2023");
		kinds.put("about", "/about");
		kinds.put("about in English", "/about?lang=en");
		kinds.put("print view", "/items/" + this.itemWithAudio + "/print");
		kinds.put("email sign-up", "/subscribe");
		kinds.put("not found", NOT_FOUND);
		return kinds;
	}

	/** The item with an audio attachment. */
	String itemWithAudio() {
		prepare();
		return this.itemWithAudio;
	}

	/** The status the page is expected to answer with. */
	static int expectedStatus(String path) {
		if (NOT_FOUND.equals(path)) {
			return 404;
		}
		return ERROR.equals(path) ? 400 : 200;
	}

	Page get(String path) {
		return get(path, "identity");
	}

	/** A page as the server sends it to a client that accepts the given encoding. */
	Page get(String path, String acceptEncoding) {
		try {
			HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Accept", "text/html,application/xhtml+xml,*/*")
				.header("Accept-Encoding", acceptEncoding)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Page(path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Content-Encoding").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private synchronized void prepare() {
		if (this.itemWithAudio != null) {
			return;
		}
		for (ItemView item : this.catalog.find(ItemQuery.all(), 0, 1000)) {
			if (item.status() == ItemStatus.APPROVED && item.publishAt() != null && !item.publishAt().isAfter(NOW)) {
				this.published.markPublished(item.publishAt(), item.id());
			}
		}
		for (int i = 1; i <= 23; i++) {
			// a real clock's instant: microseconds, which a datetime attribute must not
			// carry
			this.published.published(NOW.minus(Duration.ofHours(i)).plus(SUB_SECOND),
					"Hướng dẫn thủ tục hành chính số " + i, "Tóm tắt hướng dẫn số " + i + " về cải cách hành chính.",
					null, "Nội dung hướng dẫn số " + i + ": hồ sơ, **thời hạn** và lệ phí.", List.of(THEME),
					List.of(TAG), null, null);
		}
		String folder = UUID.randomUUID().toString();
		Path audio = this.properties.dataPath("media").resolve(folder).resolve("ban-tin-sang.mp3");
		try {
			Files.createDirectories(audio.getParent());
			Files.write(audio, new byte[2048]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// its body holds an image without alt text, pasted as HTML: the page must stay
		// valid and accessible
		String photo = this.published.uploaded(png(), "hop-dan-thon-dong.png");
		this.itemWithAudio = this.published.published(NOW.minus(Duration.ofMinutes(30)).plus(SUB_SECOND),
				"Bản tin phát thanh sáng", "Nghe lại bản tin phát thanh buổi sáng.", null,
				"Bản tin gồm các thông báo của xã trong tuần.\n\n<img src=\"" + photo + "\">", List.of(THEME),
				List.of(TAG), null, "/media/" + folder + "/ban-tin-sang.mp3");
		this.clock.set(NOW);
	}

	/** A small real PNG (a photo's stand-in). */
	private static byte[] png() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 24,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A page as the server sent it. */
	record Page(String path, int status, String contentType, String contentEncoding, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
