package vn.bantin.site;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.PlanCatalog;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.BantinProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feeds residents subscribe to parse with Rome and keep their rules (newest first, at
 * most the configured number, sanitised full content plus summary, stable ids, self
 * links, Vietnamese text intact, English RFC 822 dates) with the JVM's default locale set
 * to Vietnamese; they answer 304 to a reader that has them already.
 */
@BantinWebTest
class FeedTests {

	/** Each test publishes after every earlier one, far after the sample content. */
	static final AtomicLong DAY = new AtomicLong();

	static final Pattern RFC_822 = Pattern
		.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
				+ "\\d{2}:\\d{2}:\\d{2} (GMT|UTC|[+-]\\d{4})");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestPublishedItems items;

	@Autowired
	MutableClock clock;

	@Autowired
	PlanCatalog plans;

	@Autowired
	BantinProperties properties;

	Locale defaultLocale;

	Instant base;

	Instant clockBefore;

	@BeforeEach
	void vietnameseDefaultLocale() {
		this.defaultLocale = Locale.getDefault();
		this.clockBefore = this.clock.instant();
		Locale.setDefault(new Locale("vi", "VN"));
		this.base = Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofDays(10 * DAY.incrementAndGet()));
	}

	@AfterEach
	void restoreLocaleAndClock() {
		Locale.setDefault(this.defaultLocale);
		this.clock.set(this.clockBefore);
	}

	Instant at(long minutes) {
		return this.base.plus(Duration.ofMinutes(minutes));
	}

	String tag() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	String news(long minutes, String title, String tag) {
		return this.items.published(at(minutes), title, "Tóm tắt " + title, null, "Nội dung **" + title + "**.",
				List.of(), List.of(tag), null, null);
	}

	MvcResult fetch(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
	}

	static SyndFeed parse(MvcResult result) throws Exception {
		return new SyndFeedInput()
			.build(new StringReader(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
	}

	static String xml(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void feedsCarryTheLatestFiftyNewestFirst() throws Exception {
		String tag = tag();
		for (int i = 0; i < 52; i++) {
			news(i, "Tin số " + i, tag);
		}
		// the tag feed holds only this test's items; the main feeds may also hold sample
		// items the scheduler put out meanwhile
		List<String> newestFifty = java.util.stream.IntStream.iterate(51, (i) -> i >= 2, (i) -> i - 1)
			.mapToObj((i) -> "Tin số " + i)
			.toList();
		for (String url : List.of("/feeds/tags/" + tag + "/rss.xml", "/feeds/tags/" + tag + "/atom.xml")) {
			SyndFeed feed = parse(fetch(url));
			assertThat(feed.getEntries().stream().map(SyndEntry::getTitle).toList()).as(url)
				.containsExactlyElementsOf(newestFifty);
			assertThat(feed.getLanguage()).isEqualTo("vi");
		}
		for (String url : List.of("/feeds/rss.xml", "/feeds/atom.xml")) {
			SyndFeed feed = parse(fetch(url));
			assertThat(feed.getEntries()).as(url).hasSize(50);
			List<Instant> dates = feed.getEntries()
				.stream()
				.map((entry) -> entry.getPublishedDate().toInstant())
				.toList();
			assertThat(dates).as(url).isSortedAccordingTo(java.util.Comparator.reverseOrder());
			assertThat(feed.getLanguage()).isEqualTo("vi");
		}
	}

	@Test
	void rssHasSanitisedFullContentSummaryStableGuidSelfLinkAndEnglishDates() throws Exception {
		String tag = tag();
		String id = this.items.published(at(0), "Cải cách hành chính ở Hoằng Trung", "Tóm tắt đầy đủ",
				"Tóm tắt cho bản tin", "Đoạn **quan trọng**.\n\n<script>alert('x')</script>\n\nHết\u0007.", List.of(),
				List.of(tag), null, null);
		String url = "/feeds/tags/" + tag + "/rss.xml";
		MvcResult result = fetch(url);
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
			.isEqualTo(MediaType.parseMediaType("application/rss+xml;charset=utf-8"));
		String xml = xml(result);
		assertThat(xml).contains("<content:encoded>")
			.contains("<guid isPermaLink=\"false\">urn:bantin:item:" + id + "</guid>")
			.contains("<language>vi</language>")
			.contains("rel=\"self\"")
			.contains("href=\"http://localhost" + url + "\"")
			.doesNotContain("<script")
			.doesNotContain("alert(")
			.doesNotContain("\u0007");
		Matcher pubDate = Pattern.compile("<pubDate>([^<]+)</pubDate>").matcher(xml);
		assertThat(pubDate.find()).isTrue();
		assertThat(pubDate.group(1)).matches(RFC_822);
		SyndFeed feed = parse(result);
		assertThat(feed.getLanguage()).isEqualTo("vi");
		assertThat(feed.getTitle()).contains("UBND xã Hoằng Trung");
		assertThat(feed.getDescription()).isEqualTo("Thông tin của UBND xã Hoằng Trung");
		SyndEntry entry = feed.getEntries().get(0);
		assertThat(entry.getTitle()).isEqualTo("Cải cách hành chính ở Hoằng Trung");
		assertThat(entry.getUri()).isEqualTo("urn:bantin:item:" + id);
		assertThat(entry.getLink()).isEqualTo("http://localhost/items/" + id);
		assertThat(entry.getDescription().getValue()).isEqualTo("Tóm tắt cho bản tin");
		assertThat(entry.getContents().get(0).getValue()).contains("<strong>quan trọng</strong>").contains("Hết.");
		assertThat(entry.getPublishedDate().toInstant()).isEqualTo(at(0));

		this.items.retitle(id, "Cải cách hành chính (sửa)", at(5));
		SyndEntry edited = parse(fetch(url)).getEntries().get(0);
		assertThat(edited.getTitle()).isEqualTo("Cải cách hành chính (sửa)");
		assertThat(edited.getUri()).isEqualTo("urn:bantin:item:" + id);
		assertThat(edited.getPublishedDate().toInstant()).isEqualTo(at(0));
	}

	@Test
	void atomHasHtmlContentSummaryStableIdSelfLinkAndRfc3339Dates() throws Exception {
		String tag = tag();
		String id = this.items.published(at(0), "Tiêm chủng mở rộng", "Tóm tắt tiêm chủng", null,
				"Lịch <script>bad()</script>tiêm.", List.of(), List.of(tag), null, null);
		String url = "/feeds/tags/" + tag + "/atom.xml";
		MvcResult first = fetch(url);
		assertThat(MediaType.parseMediaType(first.getResponse().getContentType()))
			.isEqualTo(MediaType.parseMediaType("application/atom+xml;charset=utf-8"));
		String xml = xml(first);
		assertThat(xml).contains("<id>urn:bantin:item:" + id + "</id>")
			.contains("<content type=\"html\">")
			.contains("rel=\"self\"")
			.contains("href=\"http://localhost" + url + "\"")
			.doesNotContain("bad()")
			.containsPattern("<published>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z</published>");
		SyndFeed feed = parse(first);
		SyndEntry entry = feed.getEntries().get(0);
		assertThat(entry.getUri()).isEqualTo("urn:bantin:item:" + id);
		assertThat(entry.getDescription().getValue()).isEqualTo("Tóm tắt tiêm chủng");
		assertThat(entry.getContents().get(0).getValue()).contains("Lịch").doesNotContain("script");
		assertThat(parse(fetch(url)).getEntries().get(0).getUri()).isEqualTo("urn:bantin:item:" + id);
	}

	/**
	 * An item published at a real clock's instant (microseconds) is dated to the second
	 * in both feeds and the sitemap, and Rome reads the same instant back.
	 */
	@Test
	void anItemPublishedAtARealInstantIsDatedToTheSecond() throws Exception {
		String tag = tag();
		Instant real = at(0).plusNanos(395_513_000);
		String id = this.items.published(real, "Lịch tiếp công dân", "Tóm tắt", null, "Nội dung.", List.of(),
				List.of(tag), null, null);
		java.util.Date second = java.util.Date.from(real.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

		String rss = xml(fetch("/feeds/tags/" + tag + "/rss.xml"));
		Matcher pubDate = Pattern.compile("<pubDate>([^<]+)</pubDate>").matcher(rss);
		assertThat(pubDate.find()).isTrue();
		assertThat(pubDate.group(1)).matches(RFC_822);
		String atom = xml(fetch("/feeds/tags/" + tag + "/atom.xml"));
		assertThat(atom).containsPattern("<published>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z</published>")
			.containsPattern("<updated>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z</updated>")
			.doesNotContain(".395");
		for (String feed : List.of(rss, atom)) {
			SyndEntry entry = new SyndFeedInput().build(new StringReader(feed)).getEntries().get(0);
			assertThat(entry.getPublishedDate()).isEqualTo(second);
		}
		String sitemap = xml(fetch("/sitemap.xml"));
		Matcher lastmod = Pattern.compile("/items/" + id + "[^<]*</loc><lastmod>([^<]+)</lastmod>").matcher(sitemap);
		assertThat(lastmod.find()).as(sitemap).isTrue();
		assertThat(lastmod.group(1)).isEqualTo(vn.bantin.text.Timestamps.iso(real));
	}

	@Test
	void themeAndTagFeedsCarryOnlyTheirItemsAndLeaveExpiredOnesOut() throws Exception {
		String theme = this.plans.themes().get(0).key();
		String tag = tag();
		String inTheme = this.items.published(at(0), "Theo chủ đề", null, null, "Nội dung.", List.of(theme),
				List.of(tag), null, null);
		String expired = this.items.published(at(1), "Đã hết hạn", null, null, "Nội dung.", List.of(theme),
				List.of(tag), at(3), null);
		String otherTag = news(2, "Thẻ khác", tag());
		this.clock.set(at(10));
		List<String> themeIds = parse(fetch("/feeds/themes/" + theme + "/rss.xml")).getEntries()
			.stream()
			.map(SyndEntry::getUri)
			.toList();
		assertThat(themeIds).contains("urn:bantin:item:" + inTheme)
			.doesNotContain("urn:bantin:item:" + expired, "urn:bantin:item:" + otherTag);
		List<String> tagIds = parse(fetch("/feeds/tags/" + tag + "/atom.xml")).getEntries()
			.stream()
			.map(SyndEntry::getUri)
			.toList();
		assertThat(tagIds).containsExactly("urn:bantin:item:" + inTheme);
		this.mvc.perform(get("/feeds/themes/khong-co-chu-de-nay/rss.xml")).andExpect(status().isNotFound());
		assertThat(parse(fetch("/feeds/tags/khong-co-the-nay/rss.xml")).getEntries()).isEmpty();
	}

	@Test
	void podcastHasEnclosuresWithLengthAndTypeAndTheItunesNamespace() throws Exception {
		String folder = UUID.randomUUID().toString();
		Path audio = this.properties.dataPath("media").resolve(folder).resolve("ban-tin.mp3");
		Files.createDirectories(audio.getParent());
		Files.write(audio, new byte[12345]);
		String id = this.items.published(at(0), "Bản tin phát thanh", "Nghe bản tin", null, "Nội dung.", List.of(),
				List.of(tag()), null, "/media/" + folder + "/ban-tin.mp3");
		String withoutAudio = news(1, "Không có âm thanh", tag());
		MvcResult result = fetch("/feeds/podcast.xml");
		String xml = xml(result);
		assertThat(xml).contains("xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"")
			.contains("<itunes:explicit>no</itunes:explicit>")
			.contains("<itunes:author>")
			.contains("<itunes:image href=\"http://localhost/images/podcast.png\"");
		this.mvc.perform(get("/images/podcast.png")).andExpect(status().isOk());
		SyndFeed feed = parse(result);
		assertThat(feed.getModule(FeedInformation.URI)).isNotNull();
		List<String> ids = feed.getEntries().stream().map(SyndEntry::getUri).toList();
		assertThat(ids).contains("urn:bantin:item:" + id).doesNotContain("urn:bantin:item:" + withoutAudio);
		SyndEntry episode = feed.getEntries().get(ids.indexOf("urn:bantin:item:" + id));
		assertThat(episode.getEnclosures()).singleElement().satisfies((enclosure) -> {
			assertThat(enclosure.getUrl()).isEqualTo("http://localhost/media/" + folder + "/ban-tin.mp3");
			assertThat(enclosure.getLength()).isEqualTo(12345);
			assertThat(enclosure.getType()).isEqualTo("audio/mpeg");
		});
		// ffmpeg reads no audio in these zero bytes: the episode stays, without a
		// duration
		assertThat(((EntryInformation) episode.getModule(EntryInformation.URI)).getDuration()).isNull();
	}

	@Test
	void readerThatHasTheFeedGetsNotModifiedByETagOrDate() throws Exception {
		String tag = tag();
		news(0, "Tin cho bộ nhớ đệm", tag);
		String url = "/feeds/tags/" + tag + "/rss.xml";
		MvcResult result = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"))
			.andReturn();
		String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
		String lastModified = result.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
		assertThat(etag).isNotBlank();
		assertThat(lastModified).matches(RFC_822);
		this.mvc.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
		this.mvc.perform(get(url).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/feeds/tags/" + tag + "/atom.xml").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isOk());
		news(1, "Tin mới hơn", tag);
		this.mvc.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isOk());
	}

	@Test
	void everyPublicPageAnnouncesTheFeeds() throws Exception {
		String html = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<link rel=\"alternate\" type=\"application/rss+xml\"")
			.contains("href=\"/feeds/rss.xml\"")
			.contains("type=\"application/atom+xml\"")
			.contains("href=\"/feeds/atom.xml\"");
	}

}
