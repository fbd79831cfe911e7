package vn.bantin.radio;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * {@code /api/radio/occurrences} with personal tokens: a day's occurrences (today by the
 * clock when no date is given), an occurrence's playlist, problem details for a bad date
 * (naming the parameter) and an unknown occurrence, 401 without a token, and the
 * endpoints in the OpenAPI document.
 */
@RadioWebTest
class PlaylistApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	MutableClock clock;

	Instant clockBefore;

	@BeforeEach
	void saturday() {
		this.clockBefore = this.clock.instant();
		this.clock.set(SimulatedRadioDayTests.vn("2027-01-23T12:00"));
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void anEditorReadsADaysOccurrencesAndAPlaylist() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(as(get("/api/radio/occurrences").param("date", "2027-01-25"), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2027-01-25"))
			.andExpect(jsonPath("$.zone").value("Asia/Ho_Chi_Minh"))
			.andExpect(jsonPath("$.occurrences[0].id").value("ban-tin-sang_all_20270125T060000"))
			.andExpect(jsonPath("$.occurrences[0].slotName").value("Bản tin sáng"))
			.andExpect(jsonPath("$.occurrences[0].start").value("2027-01-25T06:00:00+07:00"))
			.andExpect(jsonPath("$.occurrences[0].end").value("2027-01-25T06:30:00+07:00"))
			.andExpect(jsonPath("$.occurrences[0].lengthSeconds").value(1800))
			.andExpect(jsonPath("$.occurrences[0].recorded").value(false))
			.andExpect(jsonPath("$.occurrences[0].playlist")
				.value("http://localhost:8080/api/radio/occurrences/ban-tin-sang_all_20270125T060000/playlist"))
			.andExpect(jsonPath("$.occurrences[1].id").value("ban-tin-chieu_all_20270125T170000"));

		this.mvc.perform(as(get("/api/radio/occurrences/{id}/playlist", "ban-tin-chieu_all_20270125T170000"), editor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrence.slotName").value("Bản tin chiều"))
			.andExpect(jsonPath("$.entries[0].position").value(1))
			.andExpect(jsonPath("$.entries[0].kind").value("jingle"))
			.andExpect(jsonPath("$.entries[0].audio", startsWith(
					"http://localhost:8080/api/radio/occurrences/ban-tin-chieu_all_20270125T170000/entries/1/")))
			.andExpect(jsonPath("$.entries[1].itemId").isString())
			.andExpect(jsonPath("$.entries[1].script").isString())
			.andExpect(jsonPath("$.entries[*].durationSeconds").isArray())
			.andExpect(jsonPath("$.lengthSeconds").value(1800))
			.andExpect(jsonPath("$.overflow").isBoolean());
	}

	@Test
	void withoutADateTheDayIsTodayInTheCommune() throws Exception {
		String operator = this.tokens.token(Role.OPERATOR);
		// 23:30 on Friday UTC is Saturday 06:30 in Vietnam
		this.clock.set(Instant.parse("2027-01-22T23:30:00Z"));
		this.mvc.perform(as(get("/api/radio/occurrences"), operator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2027-01-23"))
			.andExpect(jsonPath("$.occurrences[*].id", everyItem(containsString("20270123T"))));
	}

	@Test
	void aBadDateAndAnUnknownOccurrenceAreProblems() throws Exception {
		String approver = this.tokens.token(Role.APPROVER);
		this.mvc.perform(as(get("/api/radio/occurrences").param("date", "25/01/2027"), approver))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("date"));
		for (String suffix : new String[] { "", ".m3u8", ".xspf", ".zip" }) {
			this.mvc
				.perform(as(get("/api/radio/occurrences/{id}/playlist" + suffix, "ban-tin-sang_all_20270125T070000"),
						approver)
					.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("No broadcast ban-tin-sang_all_20270125T070000."));
		}
		this.mvc.perform(as(get("/api/radio/occurrences/{id}/playlist", "khong-co"), approver))
			.andExpect(status().isNotFound());
	}

	@Test
	void withoutATokenTheOccurrencesAreUnauthorized() throws Exception {
		this.mvc.perform(get("/api/radio/occurrences")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/radio/occurrences/{id}/playlist.zip", "ban-tin-sang_all_20270125T060000"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theOpenApiDocumentListsThePlaylistEndpoints() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/radio/occurrences'].get.parameters[*].name", hasItem("date")))
			.andExpect(jsonPath("$.paths['/api/radio/occurrences/{id}/playlist'].get.summary")
				.value(containsString("playlist")))
			.andExpect(jsonPath("$.paths['/api/radio/occurrences/{id}/playlist.m3u8'].get").exists())
			.andExpect(jsonPath("$.paths['/api/radio/occurrences/{id}/playlist.xspf'].get").exists())
			.andExpect(jsonPath("$.paths['/api/radio/occurrences/{id}/playlist.zip'].get").exists())
			.andExpect(jsonPath("$.paths['/api/radio/occurrences/{id}/entries/{position}/audio'].get").exists());
	}

}
