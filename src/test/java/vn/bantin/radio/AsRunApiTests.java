package vn.bantin.radio;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.Publications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static vn.bantin.account.TestApiTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/radio/as-run} (an external player's reports: idempotent, refused
 * naming the field) and {@code GET /api/radio/as-run} (the log of a range with its missed
 * occurrences, per zone), with personal tokens.
 */
@BantinWebTest
class AsRunApiTests {

	static final AtomicInteger days = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	TestItems items;

	@Autowired
	Publications publications;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	RadioFixture fixture;

	String operator;

	String occurrence;

	/** Each test has a day of its own: they share the database. */
	String day;

	@BeforeEach
	void occurrence() throws Exception {
		this.day = LocalDate.of(2030, 5, 6).plusDays(days.getAndIncrement()).toString();
		this.clock.set(RadioFixture.at(this.day + "T06:10"));
		this.fixture = new RadioFixture(this.items, this.publications);
		this.operator = this.tokens.token(Role.OPERATOR);
		String item = this.fixture.item("Thông báo tiêm chủng", "Bà con đưa trẻ đi tiêm chủng tại trạm y tế xã.");
		this.occurrence = this.fixture.occurrence("ban-tin-sang", this.day + "T06:00", item);
	}

	String event(String eventId, int position, String start, String end, String outcome, String reason) {
		return "{\"eventId\":\"" + eventId + "\",\"occurrenceId\":\"" + this.occurrence + "\",\"position\":" + position
				+ ",\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"outcome\":\"" + outcome + "\""
				+ ((reason != null) ? ",\"reason\":\"" + reason + "\"" : "") + ",\"origin\":\"player\"}";
	}

	int rows(String eventId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_as_run WHERE event_id = ?", Integer.class, eventId);
	}

	@Test
	void aPlayersEventIsRecordedOnceHoweverOftenItIsSent() throws Exception {
		String body = event("api-once-1", 2, "2030-05-06T06:00:05+07:00", "2030-05-06T06:01:35+07:00", "played", null);

		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON).content(body), this.operator))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.occurrenceId").value(this.occurrence))
			.andExpect(jsonPath("$.title").value("Thông báo tiêm chủng"))
			.andExpect(jsonPath("$.source").value("script"))
			.andExpect(jsonPath("$.start").value("2030-05-06T06:00:05+07:00"))
			.andExpect(jsonPath("$.seconds").value(90.0))
			.andExpect(jsonPath("$.outcome").value("played"))
			.andExpect(jsonPath("$.origin").value("player"))
			.andExpect(jsonPath("$.by").value(containsString("api-")));
		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON).content(body), this.operator))
			.andExpect(status().isOk());

		assertThat(rows("api-once-1")).isEqualTo(1);
	}

	@Test
	void anArrayOfEventsIsRecordedAndARetriedArrayChangesNothing() throws Exception {
		String body = "["
				+ event("api-batch-1", 1, "2030-05-06T06:00:00+07:00", "2030-05-06T06:00:04+07:00", "played", null)
				+ "," + event("api-batch-2", 2, "2030-05-06T06:00:04+07:00", "2030-05-06T06:00:09+07:00", "skipped",
						"hết giờ")
				+ "]";

		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON).content(body), this.operator))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].source").value("jingle"))
			.andExpect(jsonPath("$[1].outcome").value("skipped"))
			.andExpect(jsonPath("$[1].reason").value("hết giờ"));
		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON).content(body), this.operator))
			.andExpect(status().isOk());

		assertThat(rows("api-batch-1") + rows("api-batch-2")).isEqualTo(2);
	}

	@Test
	void aBadEventIsAProblemNamingItsField() throws Exception {
		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
				.content(event("api-bad-1", 1, "2030-05-06T06:00:05+07:00", "2030-05-06T06:00:01+07:00", "played",
						null)),
					this.operator))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("end"));
		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
				.content(event("api-bad-2", 1, "2030-05-06T06:00:05+07:00", "2030-05-06T06:00:09+07:00", "skipped",
						null)),
					this.operator))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		this.mvc
			.perform(as(
					post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
						.content("["
								+ event("api-bad-3", 1, "2030-05-06T06:00:05+07:00", "2030-05-06T06:00:09+07:00",
										"played", null)
								+ "," + event("api-bad-4", 1, "hôm qua", "2030-05-06T06:00:09+07:00", "played", null)
								+ "]"),
					this.operator))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("[1].start"));

		assertThat(rows("api-bad-3")).isZero();
	}

	@Test
	void eachEventOfAnArrayKeepsItsOriginAndAnUnknownOriginIsRefused() throws Exception {
		String player = event("api-origin-1", 1, "2030-05-06T06:00:00+07:00", "2030-05-06T06:00:04+07:00", "played",
				null);
		String api = player.replace("api-origin-1", "api-origin-2").replace("\"player\"", "\"api\"");
		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
				.content("[" + player + "," + api + "]"), this.operator))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].origin").value("player"))
			.andExpect(jsonPath("$[1].origin").value("api"));
		this.mvc
			.perform(as(
					post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
						.content(player.replace("api-origin-1", "api-origin-3").replace("\"player\"", "\"console\"")),
					this.operator))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("origin"));
	}

	@Test
	void anEditorMayNotReportToTheLog() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc
			.perform(as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
				.content(event("api-editor", 1, "2030-05-06T06:00:05+07:00", "2030-05-06T06:00:09+07:00", "played",
						null)),
					editor))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anOccurrenceWithNothingPlayedAnHourAfterItsStartIsListedAsMissedUntilSomethingIsLogged() throws Exception {
		this.clock.set(RadioFixture.at(this.day + "T07:00"));

		this.mvc.perform(as(get("/api/radio/as-run").param("from", this.day).param("to", this.day), this.operator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(this.day + "T00:00:00+07:00"))
			.andExpect(jsonPath("$.to").value(LocalDate.parse(this.day).plusDays(1) + "T00:00:00+07:00"))
			.andExpect(jsonPath("$.missed[*].id", hasItem(this.occurrence)))
			.andExpect(jsonPath("$.zones[?(@.zone == '*')].missed[*].state", hasItem("missed")));

		this.mvc
			.perform(
					as(post("/api/radio/as-run").contentType(MediaType.APPLICATION_JSON)
						.content(event("api-late", 1, "2030-05-06T06:50:00+07:00", "2030-05-06T06:50:04+07:00",
								"played", null)),
							this.operator))
			.andExpect(status().isCreated());

		String json = this.mvc.perform(as(get("/api/radio/as-run").param("from", this.day), this.operator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.missed[*].id", not(hasItem(this.occurrence))))
			.andExpect(jsonPath("$.entries[*].eventId", hasItem("api-late")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(json, "$.zones[?(@.zone == '*')].entries[*].eventId"))
			.contains("api-late");
	}

	@Test
	void aBadRangeIsAProblemNamingTheParameter() throws Exception {
		this.mvc.perform(as(get("/api/radio/as-run").param("from", this.day).param("to", "2030-05-01"), this.operator))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		this.mvc.perform(as(get("/api/radio/as-run").param("from", "thứ hai"), this.operator))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"));
	}

	@Test
	void withoutARangeTheLogIsTodays() throws Exception {
		this.mvc.perform(as(get("/api/radio/as-run"), this.operator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(this.day + "T00:00:00+07:00"))
			.andExpect(jsonPath("$.timeZone").value("Asia/Ho_Chi_Minh"));
	}

	@Test
	void openApiDocumentDescribesTheAsRunLog() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/radio/as-run'].post.summary").value(containsString("Idempotent")))
			.andExpect(jsonPath("$.paths['/api/radio/as-run'].get.parameters[*].name", hasItem("from")));
	}

}
