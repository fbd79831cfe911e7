package vn.bantin.agenda;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.Channel;
import vn.bantin.content.TestItems;
import vn.bantin.timetable.Timetables;

import org.springframework.beans.factory.annotation.Autowired;
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
 * The admin calendar in the commune's time (the JVM runs in New York during tests: an
 * occurrence at 07:00 in Vietnam is midnight UTC and the evening before in New York), and
 * the calendar feeds: created and revoked by officers, readable without signing in, valid
 * iCalendar that says what the agenda says.
 */
@BantinWebTest
class AgendaPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Timetables timetables;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Agenda agenda;

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

	Document page(MockHttpSession session, String uri) throws Exception {
		String html = this.mvc.perform(get(URI.create(uri)).session(session).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	@Test
	void dayViewShowsTheMorningOccurrenceAtSevenOnItsOwnDateWithItsItemsAndConflicts() throws Exception {
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		LocalDate day = AgendaFixture.dayAfter(this.clock.instant());

		Document page = page(operator, "/admin/agenda?view=day&date=" + day);

		Element section = daySection(page, day);
		Element morning = entry(section, AgendaFixture.MORNING_NAME);
		assertThat(morning.selectFirst("time").text()).isEqualTo("07:00");
		assertThat(morning.selectFirst("time").attr("datetime")).isEqualTo(day + "T00:00:00Z");
		assertThat(morning.select("time").get(1).text()).isEqualTo("07:10");
		assertThat(morning.hasClass("ch-radio")).isTrue();
		assertThat(morning.selectFirst(".channel").text()).isEqualTo("Đài truyền thanh");
		assertThat(morning.text()).contains(AgendaFixture.ZONE_NAME);
		assertThat(morning.hasClass("conflict")).isTrue();
		assertThat(morning.selectFirst(".problems").text()).contains("Trùng giờ", "Bản tin chung thử nghiệm", "07:05");
		assertThat(morning.select(".items a").eachAttr("href")).contains("/admin/items/" + this.fixture.first,
				"/admin/items/" + this.fixture.second);
		assertThat(entry(section, "Bản tin ngắn thử nghiệm").selectFirst(".problems").text())
			.contains("Quá thời lượng");
		assertThat(page.select(".legend li")).extracting(Element::text)
			.containsExactly("Trang thông tin", "RSS", "Thư điện tử", "Đài truyền thanh");
		assertThat(page.select(".agenda-nav a").eachAttr("href")).contains(
				"/admin/agenda?view=day&date=" + day.minusDays(1), "/admin/agenda?view=day&date=" + day.plusDays(1));
	}

	@Test
	void weekViewPutsEachOccurrenceUnderItsDayInTheCommunesTime() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		// a week wholly in the future: every day has its planned morning occurrence
		LocalDate day = AgendaFixture.dayAfter(this.clock.instant()).plusDays(7);

		Document page = page(editor, "/admin/agenda?view=week&date=" + day);

		assertThat(page.select("section.agenda-day")).hasSize(7);
		for (Element section : page.select("section.agenda-day")) {
			// every day of the week has its own 07:00 morning occurrence (never 19:00 the
			// day before, as it would be in New York)
			Element morning = entry(section, AgendaFixture.MORNING_NAME);
			assertThat(morning.selectFirst("time").text()).isEqualTo("07:00");
			String date = section.selectFirst("h2").text().replaceAll("^.* ", "");
			LocalDate shown = LocalDate.parse(date, DateTimeFormatter.ofPattern("dd/MM/yyyy"));
			assertThat(morning.selectFirst("time").attr("datetime")).isEqualTo(shown + "T00:00:00Z");
		}
		assertThat(daySection(page, day)).isNotNull();
	}

	@Test
	void calendarFeedParsesAsICalendarAndMatchesTheAgenda() throws Exception {
		MockHttpSession officer = this.accounts.signedIn(Role.APPROVER);
		String path = createFeed(officer, Channel.RADIO, "Điện thoại của chị Lan");

		MvcResult result = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
			.andReturn();
		byte[] bytes = result.getResponse().getContentAsByteArray();
		String text = new String(bytes, StandardCharsets.UTF_8);

		// CRLF line ends, no line longer than 75 octets, no character cut in two
		assertThat(text).endsWith("\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\uFFFD");
		}
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		calendar.validate();
		assertThat(calendar.getRequiredProperty("X-WR-CALNAME").getValue())
			.isEqualTo("Lịch đăng phát – Đài truyền thanh");

		Instant now = this.clock.instant();
		List<AgendaEntry> radio = this.agenda.between(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(60)))
			.of(Channel.RADIO);
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSameSizeAs(radio).isNotEmpty();
		for (int i = 0; i < radio.size(); i++) {
			AgendaEntry entry = radio.get(i);
			VEvent event = events.get(i);
			assertThat(event.getRequiredProperty("UID").getValue()).isEqualTo(CalendarFeed.uid(entry, "localhost"));
			assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(entry.start());
			// no DTEND: it lasts no time (ical4j would otherwise derive a default end)
			Instant end = event.getEndDate(false).map((dtend) -> Instant.from(dtend.getDate())).orElse(entry.start());
			assertThat(end).isEqualTo(entry.end());
			assertThat(event.getRequiredProperty("SUMMARY").getValue())
				.isEqualTo(CalendarFeedController.summary(entry));
		}
		// the test's morning occurrence (a few days ahead: earlier ones may carry items
		// of other tests sharing the database): escaped comma and semicolon come back,
		// diacritics intact, item titles in the description
		Instant morningStart = AgendaFixture.startOf(AgendaFixture.dayAfter(now)).plus(Duration.ofHours(7));
		VEvent morning = events.stream()
			.filter((event) -> event.getRequiredProperty("UID").getValue().startsWith(AgendaFixture.MORNING + "-"))
			.filter((event) -> Instant.from(event.getStartDate().orElseThrow().getDate()).equals(morningStart))
			.findFirst()
			.orElseThrow();
		assertThat(morning.getRequiredProperty("SUMMARY").getValue())
			.isEqualTo(AgendaFixture.MORNING_NAME + " – " + AgendaFixture.ZONE_NAME);
		assertThat(morning.getRequiredProperty("DESCRIPTION").getValue()).contains("Thông báo họp dân thôn Trung Hải")
			.contains("Lịch tiêm chủng tháng này")
			.contains("\n");
		// unfolded, the escaped comma and semicolon are there
		assertThat(text.replace("\r\n ", "")).contains("Thôn Trung Hải\\, xóm Đông\\; Ấp Mới");
	}

	@Test
	void revokedOrUnknownFeedIsNotFound() throws Exception {
		MockHttpSession officer = this.accounts.signedIn(Role.EDITOR);
		String path = createFeed(officer, Channel.WEB, "Máy tính bảng");
		this.mvc.perform(get(path)).andExpect(status().isOk());

		Document list = page(officer, "/admin/agenda/calendars");
		Element row = list.select("tr")
			.stream()
			.filter((tr) -> tr.text().contains("Máy tính bảng"))
			.findFirst()
			.orElseThrow();
		String revoke = row.selectFirst("form").attr("action");
		// another officer cannot revoke it: for them it does not exist
		MockHttpSession other = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(post(revoke).session(other).with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(get(path)).andExpect(status().isOk());

		this.mvc.perform(post(revoke).session(officer).with(csrf())).andExpect(status().is3xxRedirection());

		this.mvc.perform(get(path)).andExpect(status().isNotFound());
		this.mvc.perform(get("/calendar/cal_khong-co-that.ics")).andExpect(status().isNotFound());
		assertThat(page(officer, "/admin/agenda/calendars").text()).contains("Đã thu hồi");
	}

	@Test
	void feedSecretIsShownOnceAndOnlyItsHashIsStored(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc)
			throws Exception {
		MockHttpSession officer = this.accounts.signedIn(Role.ADMIN);
		String path = createFeed(officer, Channel.EMAIL, "Lịch thư");
		String secret = path.replaceFirst("^/calendar/", "").replaceFirst("\\.ics$", "");

		assertThat(jdbc.queryForObject("select count(*) from calendar_token where token_hash = ?", Integer.class,
				CalendarTokens.hash(secret)))
			.isEqualTo(1);
		assertThat(
				jdbc.queryForObject("select count(*) from calendar_token where token_hash = ?", Integer.class, secret))
			.isZero();
		// the page after creating shows it, once; never again
		assertThat(page(officer, "/admin/agenda/calendars").select(".secret code").text()).endsWith(secret + ".ics");
		assertThat(page(officer, "/admin/agenda/calendars").html()).doesNotContain(secret);
	}

	/** Creates a feed through the page and returns the path of its URL. */
	String createFeed(MockHttpSession session, Channel channel, String label) throws Exception {
		MvcResult created = this.mvc
			.perform(post("/admin/agenda/calendars").session(session)
				.with(csrf())
				.param("channel", channel.name())
				.param("label", label))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String url = (String) created.getFlashMap().get("feedUrl");
		assertThat(url).matches("http://localhost/calendar/cal_[A-Za-z0-9_-]{43}\\.ics");
		assertThat((String) created.getFlashMap().get("webcalUrl")).startsWith("webcal://localhost/calendar/cal_");
		return URI.create(url).getPath();
	}

	private static Element daySection(Document page, LocalDate day) {
		String date = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		return page.select("section.agenda-day")
			.stream()
			.filter((section) -> section.selectFirst("h2").text().endsWith(date))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no section for " + date));
	}

	private static Element entry(Element section, String slotName) {
		return section.select("li.agenda-entry")
			.stream()
			.filter((entry) -> entry.selectFirst(".what strong").text().equals(slotName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + slotName + " in " + section.text()));
	}

}
