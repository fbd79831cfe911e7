package vn.bantin.schedule;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.TestItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/agenda} with personal tokens: times in the commune's offset whatever
 * the server's zone, dates and date-times accepted, bad ranges refused as problem details
 * naming the parameter, and described in the OpenAPI document.
 */
@BantinWebTest
@Import({ TestItems.class, TestAccounts.class })
class AgendaApiTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Timetables timetables;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

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

	String token(Role role) throws Exception {
		String name = "agenda-api-" + counter.incrementAndGet() + "-" + role.name().toLowerCase(Locale.ROOT);
		this.accounts.create(name, "mat-khau-rat-dai", Set.of(role));
		String json = this.mvc
			.perform(post("/api/tokens").with(httpBasic(name, "mat-khau-rat-dai"))
				.with(SignIn.from(SignIn.newAddress()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"lịch\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	@Test
	void operatorReadsADayWithTimesInTheCommunesOffset() throws Exception {
		String operator = token(Role.OPERATOR);
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
		String editor = token(Role.EDITOR);
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
