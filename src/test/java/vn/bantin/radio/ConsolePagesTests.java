package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.Publications;
import vn.bantin.site.HtmlChecker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console and as-run pages as the server renders them: the playlist of the occurrence
 * whose time has come with its script readable without JavaScript, the emergency banner,
 * reports posted by the signed-in operator with the CSRF token, MISSED occurrences on the
 * log page and in its CSV, and valid HTML.
 */
@BantinWebTest
class ConsolePagesTests {

	static final AtomicInteger days = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Publications publications;

	@Autowired
	MutableClock clock;

	RadioFixture fixture;

	MockHttpSession operator;

	String username;

	String occurrence;

	/**
	 * Each test has a day of its own: they share the database (with the tests of the
	 * as-run API too, whose days begin on 6 May 2030).
	 */
	String day;

	@BeforeEach
	void occurrence() throws Exception {
		this.day = LocalDate.of(2030, 8, 5).plusDays(days.getAndIncrement()).toString();
		this.clock.set(RadioFixture.at(this.day + "T06:05"));
		this.fixture = new RadioFixture(this.items, this.publications);
		String item = this.fixture.item("Lịch tiếp công dân tháng 5",
				"Chủ tịch Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm hằng tuần.");
		this.occurrence = this.fixture.occurrence("ban-tin-sang", this.day + "T06:00", item);
		this.username = this.accounts.user(Role.OPERATOR);
		this.operator = this.accounts.signIn(this.username);
	}

	Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).session(this.operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void theConsoleOffersTheOccurrenceWhoseTimeHasComeWithItsScriptInLargeType() throws Exception {
		Document page = page("/admin/radio");

		assertThat(page.selectFirst("#player").attr("data-occurrence")).isEqualTo(this.occurrence);
		assertThat(page.selectFirst("#player").attr("data-csrf-token")).isNotBlank();
		assertThat(page.select("#player li.entry").eachAttr("data-source")).containsExactly("JINGLE", "SCRIPT",
				"JINGLE");
		assertThat(page.selectFirst("li.source-script .script-text").text())
			.isEqualTo("Chủ tịch Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm hằng tuần.");
		assertThat(page.selectFirst("li.source-jingle").attr("data-audio"))
			.isEqualTo("/admin/radio/occurrences/" + this.occurrence + "/entries/1/audio");
		assertThat(page.select(".controls button").eachText()).containsExactly("Phát", "Tạm dừng", "Bỏ qua", "Dừng");
		assertThat(page.select(".shortcuts dd").eachText()).contains("Phát / tạm dừng");
		assertThat(page.selectFirst("script[src*=radio-console]").attr("src"))
			.matches("/js/radio-console-[0-9a-f]{32}\\.js");
		assertThat(page.selectFirst("link[href*=radio-console]").attr("href"))
			.matches("/css/radio-console-[0-9a-f]{32}\\.css");
		assertThat(page.select("table.slots tr.state-due a").eachAttr("href"))
			.contains("/admin/radio?occurrence=" + this.occurrence);
	}

	@Test
	void theConsolesPagesAreValidHtml() throws Exception {
		HtmlChecker checker = new HtmlChecker();
		for (String path : new String[] { "/admin/radio", "/admin/radio?occurrence=" + this.occurrence,
				"/admin/radio/as-run?from=" + this.day + "&to=" + this.day }) {
			byte[] html = this.mvc.perform(get(path).session(this.operator))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(checker.errors(path, html)).as(path).isEmpty();
		}
		byte[] css = this.mvc.perform(get("/css/radio-console.css")).andReturn().getResponse().getContentAsByteArray();
		assertThat(checker.cssErrors("/css/radio-console.css", css)).isEmpty();
	}

	@Test
	void anEmergencyBroadcastShowsARedBannerWithPlayNowAndEachRepeatIsItsOwnOccurrence() throws Exception {
		String alert = this.fixture.item("Cảnh báo lũ quét", "Bà con vùng trũng khẩn trương di dời.");
		String first = this.fixture.occurrence("emergency", this.day + "T06:30", alert);
		String second = this.fixture.occurrence("emergency", this.day + "T06:45", alert);
		this.clock.set(RadioFixture.at(this.day + "T06:31"));

		Document page = page("/admin/radio");
		assertThat(page.selectFirst(".emergency-banner").text()).contains("Cảnh báo lũ quét");
		assertThat(page.selectFirst(".emergency-banner a.play-now").attr("href"))
			.isEqualTo("/admin/radio?occurrence=" + first + "&play=now");
		assertThat(page.selectFirst("#player").attr("data-occurrence")).isEqualTo(first);

		this.mvc
			.perform(post("/admin/radio/as-run").session(this.operator)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventId\":\"page-emergency-1\",\"occurrenceId\":\"" + first
						+ "\",\"position\":2,\"start\":\"" + this.day + "T06:31:00+07:00\",\"end\":\"" + this.day
						+ "T06:31:30+07:00\"," + "\"outcome\":\"played\"}"))
			.andExpect(status().isCreated());

		assertThat(page("/admin/radio").selectFirst(".emergency-banner a.play-now").attr("href"))
			.isEqualTo("/admin/radio?occurrence=" + second + "&play=now");
	}

	@Test
	void aReportFromTheConsoleIsRecordedOnceAsTheSignedInOperatorAndNeedsTheCsrfToken() throws Exception {
		String body = "{\"eventId\":\"page-report-1\",\"occurrenceId\":\"" + this.occurrence
				+ "\",\"position\":1,\"start\":\"" + this.day + "T06:05:00.250+07:00\",\"end\":\"" + this.day
				+ "T06:05:04.100+07:00\"," + "\"outcome\":\"played\"}";

		this.mvc
			.perform(post("/admin/radio/as-run").session(this.operator)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		String json = this.mvc
			.perform(post("/admin/radio/as-run").session(this.operator)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.by").value(this.username))
			.andExpect(jsonPath("$.origin").value("console"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Double>read(json, "$.seconds")).isEqualTo(3.85);
		this.mvc
			.perform(post("/admin/radio/as-run").session(this.operator)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/radio/as-run").session(this.operator)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("page-report-1", "page-report-2").replace("played", "skipped")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));

		Document page = page("/admin/radio?occurrence=" + this.occurrence);
		assertThat(page.selectFirst("li.entry[data-position=1]").className()).contains("logged-played");
		assertThat(page.selectFirst("li.entry[data-position=1] .entry-logged").text()).isEqualTo("Đã phát");
	}

	@Test
	void theLogPageAndItsCsvShowAnOccurrencePassedWithNothingPlayedAsMissed() throws Exception {
		this.clock.set(RadioFixture.at(this.day + "T07:30"));

		Document page = page("/admin/radio/as-run?from=" + this.day + "&to=" + this.day);
		assertThat(page.select("table.as-run tr.missed").text()).contains("Bản tin sáng", "BỎ LỠ");
		assertThat(page("/admin/radio").select("table.slots tr.state-missed").text()).contains("BỎ LỠ");

		byte[] csv = this.mvc
			.perform(get("/admin/radio/as-run.csv?from=" + this.day + "&to=" + this.day).session(this.operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(csv, StandardCharsets.UTF_8))
			.contains(this.occurrence + ",ban-tin-sang,*," + this.day + " 06:00:00,,,,,,,,missed");
	}

	@Test
	void anEditorMayNotOpenTheConsole() throws Exception {
		this.mvc.perform(get("/admin/radio").session(this.accounts.signedIn(Role.EDITOR)))
			.andExpect(status().isForbidden());
	}

}
