package vn.bantin.agenda;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.TestItems;
import vn.bantin.timetable.Timetables;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static vn.bantin.account.TestApiTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/agenda} with personal tokens: times in the commune's offset whatever
 * the server's zone, dates and date-times accepted, bad ranges refused as problem details
 * naming the parameter, and described in the OpenAPI document.
 */
@BantinWebTest
class AgendaApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	Timetables timetables;

	@Autowired
	TestItems items;

	@Autowired
	MutableClock clock;

	AgendaFixture fixture;

	@BeforeEach
	void defineTimetable() {
		this.fixture = AgendaFixture.define(this.timetables, this.items);
	}

	@AfterEach
	void removeTimetable() {
		AgendaFixture.remove(this.timetables);
	}

	@Test
	void operatorReadsADayWithTimesInTheCommunesOffset() throws Exception {
		String operator = this.tokens.token(Role.OPERATOR);
		LocalDate day = AgendaFixture.dayAfter(this.clock.instant());

		this.mvc.perform(as(get("/api/agenda").param("from", day.toString()).param("to", day.toString()), operator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(day + "T00:00:00+07:00"))
			.andExpect(jsonPath("$.to").value(day.plusDays(1) + "T00:00:00+07:00"))
			.andExpect(jsonPath("$.zone").value("Asia/Ho_Chi_Minh"))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].start").value(day + "T07:00:00+07:00"))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].end").value(day + "T07:10:00+07:00"))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].channel").value("radio"))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].targetName").value(AgendaFixture.ZONE_NAME))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].recorded").value(false))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].items[*].id", hasItem(this.fixture.first)))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].items[*].title",
					hasItem("Thông báo họp dân thôn Trung Hải")))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].conflicts[*].kind", hasItem("overlap")))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-ngan')].conflicts[*].kind", hasItem("overflow")));

		// a date-time with an offset (midnight UTC) and a local one mean the same instant
		this.mvc.perform(as(get("/api/agenda").param("from", day + "T00:00:00Z").param("to", day + "T07:01"), operator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(day + "T07:00:00+07:00"))
			.andExpect(jsonPath("$.entries[?(@.slot == 'agenda-sang')].start").value(day + "T07:00:00+07:00"));
	}

	@Test
	void badRangesAreRefusedNamingTheParameter() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(as(get("/api/agenda").param("from", "2025-03-10").param("to", "2025-03-09"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		this.mvc
			.perform(as(get("/api/agenda").param("from", "2025-03-10").param("to", "2025-09-10"), editor)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"))
			.andExpect(jsonPath("$.detail").value(containsString("92 days")));
		this.mvc.perform(as(get("/api/agenda").param("from", "ngày mai"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"));
	}

	@Test
	void withoutATokenTheAgendaIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/agenda")).andExpect(status().isUnauthorized());
	}

	@Test
	void openApiDocumentDescribesTheAgendaAndPublications() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/agenda'].get.summary").value(containsString("What goes out when")))
			.andExpect(jsonPath("$.paths['/api/agenda'].get.parameters[*].name", hasItem("from")))
			.andExpect(jsonPath("$.paths['/api/publications'].get.parameters[*].name", hasItem("status")));
	}

}
