package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.SignIn;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.commune.SiteAddress;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * Every absolute URL in a playlist (the current-playlist URL and its M3U8, XSPF and JSON,
 * the API's and the admin's downloads, the address of a new secret) is on the site's
 * configured address ({@link SiteAddress}, the commune's website setting), whatever
 * {@code Host} or {@code X-Forwarded-Host} the request carried: a cache in front would
 * otherwise keep a playlist pointing players at the forger's host.
 */
@RadioWebTest
class PlaylistAddressTests {

	static final String FORGED = "evil.example";

	static final Pattern URL = Pattern.compile("https?://[^\\s\"<>]+");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	SiteAddress site;

	Instant clockBefore;

	@BeforeEach
	void mondayMorning() {
		this.clockBefore = this.clock.instant();
		this.clock.set(SimulatedRadioDayTests.vn("2027-01-18T05:30"));
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void theCurrentPlaylistUrlAndEveryPlaylistItServesAreOnTheSiteAddress() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		String issued = (String) this.mvc.perform(
				forged(post("/admin/radio/playlists/tokens")).param("label", "Loa thôn").with(csrf()).session(admin))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("issued");
		assertThat(issued).startsWith(this.site.base() + "/radio/radio_");
		String secret = issued.split("/")[4];

		for (String format : List.of("m3u8", "xspf", "json")) {
			String body = body(forged(get("/radio/{t}/current." + format, secret)));
			assertOnlySiteUrls(body, 1);
		}
	}

	@Test
	void theApisAndTheAdminsPlaylistsAreOnTheSiteAddress() throws Exception {
		String operator = this.tokens.token(Role.OPERATOR);
		String occurrence = "ban-tin-sang_all_20270118T060000";

		assertOnlySiteUrls(body(as(forged(get("/api/radio/occurrences").param("date", "2027-01-18")), operator)), 2);
		for (String path : List.of("/playlist", "/playlist.m3u8", "/playlist.xspf")) {
			assertOnlySiteUrls(body(as(forged(get("/api/radio/occurrences/{id}" + path, occurrence)), operator)), 1);
		}
		MockHttpSession admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		for (String format : List.of("m3u8", "xspf")) {
			assertOnlySiteUrls(
					body(forged(get("/admin/radio/playlists/{id}/playlist." + format, occurrence)).session(admin)), 1);
		}
	}

	/** The request with a forged host, directly and as a proxy would pass it on. */
	private static MockHttpServletRequestBuilder forged(MockHttpServletRequestBuilder request) {
		return request.header("Host", FORGED)
			.header("X-Forwarded-Host", FORGED)
			.header("X-Forwarded-Proto", "https")
			.header("Forwarded", "host=" + FORGED + ";proto=https");
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void assertOnlySiteUrls(String body, int atLeast) {
		assertThat(body).doesNotContain(FORGED);
		Matcher urls = URL.matcher(body);
		int count = 0;
		while (urls.find()) {
			// XSPF's namespace and the names of Bản tin's meta elements are names, not
			// links
			if (urls.group().startsWith(PlaylistExports.XSPF) || urls.group().startsWith(PlaylistExports.META)) {
				continue;
			}
			assertThat(urls.group()).startsWith(this.site.base() + "/");
			count++;
		}
		assertThat(count).as("absolute URLs in %s", body).isGreaterThanOrEqualTo(atLeast);
	}

}
