package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.SignIn;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The current-playlist URL an administrator makes for a player: it answers without
 * sign-in, session or cookie with the bulletin coming next (M3U8, XSPF, JSON), its audio
 * URLs carry the secret and answer byte ranges; a wrong or revoked secret is not found;
 * only the secret's hash is stored.
 */
@RadioWebTest
class CurrentPlaylistUrlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

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
	void aPlayerGetsTheNextBulletinWithoutSessionOrCookieUntilTheSecretIsRevoked() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		MvcResult created = this.mvc.perform(
				post("/admin/radio/playlists/tokens").param("label", "Loa IP thôn Phú Quý").with(csrf()).session(admin))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String url = (String) created.getFlashMap().get("issued");
		assertThat(url).matches("http://localhost:8080/radio/radio_[A-Za-z0-9_-]{43}/current\\.m3u8");
		String secret = url.split("/")[4];
		assertThat(this.jdbc.queryForList("SELECT token_hash FROM radio_token", String.class))
			.contains(RadioTokens.hash(secret))
			.doesNotContain(secret);
		// shown once, right after it was made, never again
		for (boolean first : new boolean[] { true, false }) {
			String page = this.mvc.perform(get("/admin/radio/playlists/tokens").session(admin))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("Loa IP thôn Phú Quý");
			assertThat(page.contains(secret)).isEqualTo(first);
		}

		MvcResult m3u8 = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
			.andReturn();
		assertThat(m3u8.getRequest().getSession(false)).isNull();
		String text = m3u8.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("#EXTM3U\n").contains("Bản tin sáng");
		List<String> locations = text.lines().filter((line) -> !line.startsWith("#")).toList();
		assertThat(locations).isNotEmpty()
			.allSatisfy((location) -> assertThat(location).startsWith("http://localhost:8080/radio/" + secret
					+ "/occurrences/ban-tin-sang_all_20270118T060000/entries/"));

		// the audio answers without session, in ranges too
		MvcResult audio = this.mvc.perform(get(locations.get(0)).header(HttpHeaders.RANGE, "bytes=0-99"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "audio/mpeg"))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
			.andReturn();
		assertThat(audio.getResponse().getContentAsByteArray()).hasSize(100);
		assertThat(audio.getResponse().getHeader(HttpHeaders.CONTENT_RANGE)).startsWith("bytes 0-99/");

		String json = this.mvc.perform(get("/radio/{t}/current.json", secret).param("zone", "thon-phu-quy"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(json, "$.occurrence.id")).isEqualTo("ban-tin-sang_all_20270118T060000");
		assertThat((String) JsonPath.read(json, "$.occurrence.start")).isEqualTo("2027-01-18T06:00:00+07:00");
		assertThat((String) JsonPath.read(json, "$.entries[0].kind")).isEqualTo("jingle");
		this.mvc.perform(get("/radio/{t}/current.xspf", secret))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/xspf+xml;charset=UTF-8"));

		// a wrong secret, or one revoked, is not found
		this.mvc.perform(get("/radio/{t}/current.m3u8", secret + "x")).andExpect(status().isNotFound());
		this.mvc.perform(get("/radio/{t}/current.m3u8", "cal_" + secret)).andExpect(status().isNotFound());
		long id = this.jdbc.queryForObject("SELECT id FROM radio_token WHERE token_hash = ?", Long.class,
				RadioTokens.hash(secret));
		this.mvc.perform(post("/admin/radio/playlists/tokens/{id}/revoke", id).with(csrf()).session(admin))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(url)).andExpect(status().isNotFound());
		this.mvc.perform(get(locations.get(0))).andExpect(status().isNotFound());
		this.mvc.perform(get("/radio/{t}/current.json", secret)).andExpect(status().isNotFound());
	}

	@Test
	void onlyAnAdministratorMakesSecretsAndALabelIsRequired() throws Exception {
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		this.mvc.perform(post("/admin/radio/playlists/tokens").param("label", "Loa").with(csrf()).session(operator))
			.andExpect(status().isForbidden());
		MockHttpSession admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		MvcResult refused = this.mvc
			.perform(post("/admin/radio/playlists/tokens").param("label", "  ").with(csrf()).session(admin))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(refused.getFlashMap().get("error")).isEqualTo("playlist.tokens.error.label-required");
		assertThat(refused.getFlashMap().get("issued")).isNull();
	}

}
