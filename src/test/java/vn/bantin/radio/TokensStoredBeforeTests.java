package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The three kinds of secrets (personal API tokens, calendar feeds, current-playlist URLs)
 * share one machinery ({@code system.IssuedTokens}) but keep their tables: a row as the
 * code before it stored it (the lower-case hex SHA-256 of the secret's UTF-8 bytes,
 * written here by hand) still opens what it opened, and a revoked one still does not.
 */
@RadioWebTest
class TokensStoredBeforeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

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
	void anApiTokenStoredBeforeStillOpensTheApi() throws Exception {
		long admin = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, SignIn.ADMIN);
		String secret = secret("bt_");
		String revoked = secret("bt_");
		Timestamp created = Timestamp.from(this.clock.instant().minus(Duration.ofDays(10)));
		Timestamp expires = Timestamp.from(this.clock.instant().plus(Duration.ofDays(80)));
		this.jdbc.update(
				"INSERT INTO api_token (commune_id, user_id, name, token_hash, prefix, created_at, expires_at) "
						+ "VALUES (1, ?, 'Cổng huyện (cũ)', ?, ?, ?, ?)",
				admin, sha256(secret), secret.substring(0, 8), created, expires);
		this.jdbc.update(
				"INSERT INTO api_token (commune_id, user_id, name, token_hash, prefix, created_at, expires_at, revoked_at) "
						+ "VALUES (1, ?, 'Đã thu hồi (cũ)', ?, ?, ?, ?, ?)",
				admin, sha256(revoked), revoked.substring(0, 8), created, expires, created);

		this.mvc.perform(get("/api/items").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/items").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked))
			.andExpect(status().isUnauthorized());
		// and the use is written to the old row
		assertThat(this.jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE token_hash = ?", Timestamp.class,
				sha256(secret)))
			.isNotNull();
	}

	@Test
	void aCalendarFeedStoredBeforeStillAnswers() throws Exception {
		String secret = secret("cal_");
		String revoked = secret("cal_");
		Timestamp created = Timestamp.from(this.clock.instant().minus(Duration.ofDays(10)));
		this.jdbc.update("INSERT INTO calendar_token (commune_id, token_hash, channel, label, created_by, created_at) "
				+ "VALUES (1, ?, 'RADIO', 'Điện thoại (cũ)', 'admin', ?)", sha256(secret), created);
		this.jdbc.update(
				"INSERT INTO calendar_token (commune_id, token_hash, channel, label, created_by, created_at, revoked_at) "
						+ "VALUES (1, ?, 'RADIO', 'Đã thu hồi (cũ)', 'admin', ?, ?)",
				sha256(revoked), created, created);

		this.mvc.perform(get("/calendar/{t}.ics", secret)).andExpect(status().isOk());
		this.mvc.perform(get("/calendar/{t}.ics", revoked)).andExpect(status().isNotFound());
	}

	@Test
	void aCurrentPlaylistUrlStoredBeforeStillAnswers() throws Exception {
		String secret = secret("radio_");
		String revoked = secret("radio_");
		Timestamp created = Timestamp.from(this.clock.instant().minus(Duration.ofDays(10)));
		this.jdbc.update("INSERT INTO radio_token (commune_id, token_hash, label, created_by, created_at) "
				+ "VALUES (1, ?, 'Loa IP (cũ)', 'admin', ?)", sha256(secret), created);
		this.jdbc.update("INSERT INTO radio_token (commune_id, token_hash, label, created_by, created_at, revoked_at) "
				+ "VALUES (1, ?, 'Đã thu hồi (cũ)', 'admin', ?, ?)", sha256(revoked), created, created);

		this.mvc.perform(get("/radio/{t}/current.json", secret)).andExpect(status().isOk());
		this.mvc.perform(get("/radio/{t}/current.json", revoked)).andExpect(status().isNotFound());
	}

	/**
	 * A secret shaped like those issued: the kind's start and 43 base64url characters.
	 */
	private static String secret(String start) {
		return start + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
	}

	/** What the code before stored of a secret, computed here on its own. */
	private static String sha256(String secret) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
	}

}
