package vn.bantin.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * HTTP caching of the public pages: ETag and Last-Modified, 304 when the reader's copy is
 * current, a new ETag as soon as what residents see changes (an item published, edited,
 * expired; a new day for the home page's radio programme); admin pages never cacheable.
 */
@BantinWebTest
class PageCachingTests {

	static final List<String> PUBLIC_PAGES = List.of("/", "/items", "/archive", "/search?q=cai+cach", "/procedures",
			"/documents", "/plans", "/about", "/sitemap.xml", "/robots.txt");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestPublishedItems published;

	@Autowired
	ItemLifecycle lifecycle;

	@Autowired
	ItemCatalog catalog;

	@Test
	void everyPublicPageHasValidatorsMustRevalidateAndAnswers304ToItsETag() throws Exception {
		this.clock.set(Instant.parse("2027-08-01T03:00:00Z"));
		for (String page : PUBLIC_PAGES) {
			MockHttpServletResponse first = fetch(page, null, null);
			assertThat(first.getStatus()).as(page).isEqualTo(200);
			assertThat(first.getHeader(HttpHeaders.ETAG)).as(page).startsWith("W/\"");
			assertThat(first.getHeader(HttpHeaders.LAST_MODIFIED)).as(page).isNotNull();
			assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).as(page).isEqualTo("no-cache");
			assertThat(first.getHeaders(HttpHeaders.VARY)).as(page).contains(HttpHeaders.COOKIE);
			assertThat(first.getCookies()).as("%s creates no session nor cookie", page).isEmpty();
			assertThat(first.getHeader(HttpHeaders.SET_COOKIE)).as(page).isNull();

			MockHttpServletResponse again = fetch(page, first.getHeader(HttpHeaders.ETAG), null);
			assertThat(again.getStatus()).as(page).isEqualTo(304);
			assertThat(again.getContentAsByteArray()).as(page).isEmpty();
			assertThat(again.getHeader(HttpHeaders.CACHE_CONTROL)).as(page).isEqualTo("no-cache");
		}
	}

	@Test
	void ifModifiedSinceAtOrAfterLastModifiedIs304AndBeforeIs200() throws Exception {
		this.clock.set(Instant.parse("2027-08-02T03:00:00Z"));
		MockHttpServletResponse first = fetch("/items", null, null);
		String lastModified = first.getHeader(HttpHeaders.LAST_MODIFIED);
		Instant at = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		assertThat(at).isBeforeOrEqualTo(this.clock.instant());

		assertThat(fetch("/items", null, lastModified).getStatus()).isEqualTo(304);
		assertThat(fetch("/items", null, http(at.plusSeconds(30))).getStatus()).isEqualTo(304);
		assertThat(fetch("/items", null, http(at.minusSeconds(1))).getStatus()).isEqualTo(200);
	}

	@Test
	void publishingEditingAndExpiringAnItemGiveEveryPageANewETagAndLastModified() throws Exception {
		Instant start = Instant.parse("2027-08-03T03:00:00Z");
		this.clock.set(start);
		MockHttpServletResponse before = fetch("/items", null, null);

		Instant publishedAt = start.plus(Duration.ofMinutes(10));
		String id = this.published.published(publishedAt, "Họp dân thôn Đông Sơn về đường giao thông nông thôn", null,
				null, "Nội dung.", List.of(), List.of(), publishedAt.plus(Duration.ofHours(2)), null);
		MockHttpServletResponse afterPublishing = fetch("/items", before.getHeader(HttpHeaders.ETAG), null);
		assertThat(afterPublishing.getStatus()).isEqualTo(200);
		assertThat(afterPublishing.getContentAsString()).contains("Họp dân thôn Đông Sơn");
		assertThat(afterPublishing.getHeader(HttpHeaders.ETAG)).isNotEqualTo(before.getHeader(HttpHeaders.ETAG));
		assertThat(lastModified(afterPublishing)).isEqualTo(publishedAt);
		assertThat(fetch("/", before.getHeader(HttpHeaders.ETAG), null).getStatus()).isEqualTo(200);

		Instant editedAt = publishedAt.plus(Duration.ofMinutes(20));
		this.published.retitle(id, "Họp dân thôn Đông Sơn (đổi lịch) về đường giao thông", editedAt);
		MockHttpServletResponse afterEditing = fetch("/items/" + id, afterPublishing.getHeader(HttpHeaders.ETAG), null);
		assertThat(afterEditing.getStatus()).isEqualTo(200);
		assertThat(afterEditing.getContentAsString()).contains("(đổi lịch)");
		assertThat(lastModified(afterEditing)).isEqualTo(editedAt);

		this.clock.set(publishedAt.plus(Duration.ofHours(3)));
		MockHttpServletResponse afterExpiry = fetch("/items", afterEditing.getHeader(HttpHeaders.ETAG), null);
		assertThat(afterExpiry.getStatus()).isEqualTo(200);
		assertThat(afterExpiry.getContentAsString()).doesNotContain("Họp dân thôn Đông Sơn");
		assertThat(lastModified(afterExpiry)).isEqualTo(publishedAt.plus(Duration.ofHours(2)));
	}

	@Test
	void homePageChangesAtTheCommunesMidnightForItsRadioProgramme() throws Exception {
		// 23:30 on Sunday 7 March 2027 in Hoằng Trung
		this.clock.set(Instant.parse("2027-03-07T16:30:00Z"));
		MockHttpServletResponse sunday = fetch("/", null, null);
		assertThat(fetch("/", sunday.getHeader(HttpHeaders.ETAG), null).getStatus()).isEqualTo(304);

		this.clock.advance(Duration.ofHours(1));
		MockHttpServletResponse monday = fetch("/", sunday.getHeader(HttpHeaders.ETAG),
				sunday.getHeader(HttpHeaders.LAST_MODIFIED));
		assertThat(monday.getStatus()).isEqualTo(200);
		assertThat(monday.getContentAsString()).contains("Bản tin sáng");
		assertThat(lastModified(monday)).isAfterOrEqualTo(Instant.parse("2027-03-07T17:00:00Z"));
		assertThat(fetch("/", null, monday.getHeader(HttpHeaders.LAST_MODIFIED)).getStatus()).isEqualTo(304);
	}

	@Test
	void changingTheCommunesIdentityChangesEveryPageAndFeed() throws Exception {
		this.clock.set(Instant.parse("2027-08-05T03:00:00Z"));
		MockHttpServletResponse before = fetch("/about", null, null);
		// a feed's channel carries the commune's name and logo
		MockHttpServletResponse feedBefore = fetch("/feeds/rss.xml", null, null);
		MockHttpSession session = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		Instant changedAt = Instant.parse("2027-08-05T03:10:00Z");
		this.clock.set(changedAt);
		try {
			identity(session, "0237 3865 123");
			MockHttpServletResponse after = fetch("/about", before.getHeader(HttpHeaders.ETAG),
					before.getHeader(HttpHeaders.LAST_MODIFIED));
			assertThat(after.getStatus()).isEqualTo(200);
			assertThat(after.getContentAsString()).contains("0237 3865 123");
			assertThat(lastModified(after)).isEqualTo(changedAt);
			MockHttpServletResponse feedAfter = fetch("/feeds/rss.xml", feedBefore.getHeader(HttpHeaders.ETAG),
					feedBefore.getHeader(HttpHeaders.LAST_MODIFIED));
			assertThat(feedAfter.getStatus()).isEqualTo(200);
			assertThat(lastModified(feedAfter)).isEqualTo(changedAt);
		}
		finally {
			// restored at an early instant, so that other tests' clocks are not before it
			this.clock.set(Instant.parse("2020-01-01T00:00:00Z"));
			identity(session, "");
		}
	}

	/** Saves the sample identity with this phone number, as an administrator. */
	private void identity(MockHttpSession session, String phone) throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/commune")
				.session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("name", "UBND xã Hoằng Trung")
				.param("shortName", "Hoằng Trung")
				.param("level", "xã")
				.param("parentUnits", "huyện Hoằng Hóa\r\ntỉnh Thanh Hóa")
				.param("address", "xã Hoằng Trung, huyện Hoằng Hóa, tỉnh Thanh Hóa")
				.param("phone", phone)
				.param("email", "")
				.param("websiteUrl", "http://localhost:8080")
				.param("signerTitle", "Chủ tịch")
				.param("signerName", "Lê Văn Tý")
				.param("localeTag", "vi"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
	}

	@Test
	void pagesInAnotherLanguageHaveAnotherETag() throws Exception {
		this.clock.set(Instant.parse("2027-08-04T03:00:00Z"));
		MockHttpServletResponse vietnamese = fetch("/items", null, null);
		MockHttpServletResponse english = this.mvc
			.perform(get("/items").cookie(new jakarta.servlet.http.Cookie("bantin-lang", "en"))
				.header(HttpHeaders.IF_NONE_MATCH, vietnamese.getHeader(HttpHeaders.ETAG)))
			.andReturn()
			.getResponse();
		assertThat(english.getStatus()).isEqualTo(200);
		assertThat(english.getHeader(HttpHeaders.ETAG)).isNotEqualTo(vietnamese.getHeader(HttpHeaders.ETAG));

		MockHttpServletResponse picking = this.mvc.perform(get("/items").param("lang", "en")).andReturn().getResponse();
		assertThat(picking.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache, private");
		assertThat(picking.getHeader(HttpHeaders.ETAG)).isNull();
	}

	@Test
	void adminAndLoginPagesAreNeverStoredNorValidated() throws Exception {
		MockHttpServletResponse login = this.mvc.perform(get("/login")).andReturn().getResponse();
		assertThat(login.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		assertThat(login.getHeader(HttpHeaders.ETAG)).isNull();

		MockHttpSession session = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		for (String page : List.of("/admin", "/admin/items", "/admin/agenda")) {
			MockHttpServletResponse admin = this.mvc.perform(get(page).session(session)).andReturn().getResponse();
			assertThat(admin.getStatus()).as(page).isEqualTo(200);
			assertThat(admin.getHeader(HttpHeaders.CACHE_CONTROL)).as(page)
				.contains("no-store")
				.doesNotContain("public");
			assertThat(admin.getHeader(HttpHeaders.ETAG)).as(page).isNull();
			assertThat(admin.getHeader(HttpHeaders.LAST_MODIFIED)).as(page).isNull();
		}
	}

	@Test
	void staticAssetsAreCachedForLong() throws Exception {
		for (String asset : List.of("/js/editor.js", "/images/podcast.png", "/css/bantin.css")) {
			MockHttpServletResponse response = this.mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(response.getStatus()).as(asset).isEqualTo(200);
			assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).as(asset).contains("max-age=31536000");
		}
	}

	private MockHttpServletResponse fetch(String page, String etag, String since) throws Exception {
		var request = get(page);
		if (etag != null) {
			request.header(HttpHeaders.IF_NONE_MATCH, etag);
		}
		if (since != null) {
			request.header(HttpHeaders.IF_MODIFIED_SINCE, since);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static Instant lastModified(MockHttpServletResponse response) {
		return ZonedDateTime.parse(response.getHeader(HttpHeaders.LAST_MODIFIED), DateTimeFormatter.RFC_1123_DATE_TIME)
			.toInstant();
	}

	private static String http(Instant at) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneId.of("GMT")));
	}

}
