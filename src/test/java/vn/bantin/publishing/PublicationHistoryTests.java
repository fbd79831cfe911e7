package vn.bantin.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.Publications.PublicationView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static vn.bantin.account.TestApiTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history of publications, on its admin page and over the API: newest occurrence
 * first, filtered by item, channel, status and dates, with planned and actual times in
 * the commune's zone; an approver sends a late email anyway or skips it, an editor
 * cannot.
 */
@BantinWebTest
class PublicationHistoryTests {

	static final AtomicInteger counter = new AtomicInteger();

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	Publications publications;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	Handover handover;

	String item;

	String otherItem;

	PublicationView lateEmail;

	PublicationView otherLateEmail;

	PublicationView radio;

	Instant radioAt;

	@BeforeEach
	void recordPublications() {
		int n = counter.incrementAndGet();
		// radio only: on the sample timetable's on-publish slots (web, feeds, email) the
		// engine would record publications of its own at approval; the timed radio slots
		// do not fire while the clock stands still
		this.item = this.items.approved("lich-su-hop-dan-" + n, "Thông báo họp dân tháng này", List.of(), List.of(),
				Priority.NORMAL, EnumSet.of(Channel.RADIO), null);
		this.otherItem = this.items.approved("lich-su-khac-" + n, "Tin khác", List.of(), List.of(), Priority.NORMAL,
				EnumSet.of(Channel.RADIO), null);
		Instant now = this.clock.instant();
		// 13 hours late for email: waits for confirmation
		this.lateEmail = late(this.item, Channel.EMAIL, "can-bo", now.minus(Duration.ofHours(13)));
		this.otherLateEmail = late(this.item, Channel.EMAIL, "nguoi-dan", now.minus(Duration.ofHours(14)));
		// the radio at 07:00 in the commune (midnight UTC) two days ago, played two
		// minutes
		// late
		this.radioAt = LocalDate.ofInstant(now, VIETNAM).minusDays(2).atTime(7, 0).atZone(VIETNAM).toInstant();
		PublicationView planned = this.publications
			.record(this.item, Channel.RADIO, "thon-a", this.radioAt, new Publications.Origin("ban-tin-sang", "mua-vu"))
			.orElseThrow();
		// the real hand-over decides it and gives it to the radio channel as it did then;
		// a
		// decision and a mark of the test's own would race the hand-over running in the
		// background (one run at a time: it is synchronized)
		this.handover.run(this.radioAt.plus(Duration.ofMinutes(2)));
		this.radio = this.publications.publication(planned.id()).orElseThrow();
		late(this.otherItem, Channel.WEB, null, now.minus(Duration.ofHours(1)));
	}

	PublicationView late(String itemId, Channel channel, String target, Instant occurrence) {
		PublicationView recorded = this.publications
			.record(itemId, channel, target, occurrence, new Publications.Origin("test-slot", null))
			.orElseThrow();
		return this.publications.decide(recorded.id(), this.clock.instant());
	}

	Document page(MockHttpSession session, String query) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(get("/admin/publications" + query).session(session).header("Accept-Language", "vi"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void historyListsAnItemsPublicationsNewestFirstWithPlannedAndActualTimesInTheCommune() throws Exception {
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);

		Document page = page(operator, "?item=" + this.item);

		List<Element> rows = page.select("table.history tbody tr");
		assertThat(rows).hasSize(3);
		assertThat(rows)
			.allSatisfy((row) -> assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/items/" + this.item));
		assertThat(rows.get(0).text()).contains("Thư điện tử", "can-bo", "Chờ xác nhận", "late by 13h");
		assertThat(rows.get(1).text()).contains("nguoi-dan");
		Element radioRow = rows.get(2);
		String date = LocalDate.ofInstant(this.radioAt, VIETNAM)
			.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		assertThat(radioRow.select("time").eachText()).containsExactly(date + " 07:00", date + " 07:02");
		assertThat(radioRow.text()).contains("Thông báo họp dân tháng này", "Đài truyền thanh", "thon-a",
				"ban-tin-sang", "mua-vu", "Đã đăng, phát", "late by 2m");
		// an operator may look but not decide
		assertThat(page.select("form[action$=/confirm]")).isEmpty();
	}

	@Test
	void historyFiltersByChannelStatusAndDates() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);

		assertThat(page(editor, "?item=" + this.item + "&channel=RADIO").select("table.history tbody tr")).hasSize(1);
		assertThat(
				page(editor, "?item=" + this.item + "&status=AWAITING_CONFIRMATION").select("table.history tbody tr"))
			.hasSize(2);
		LocalDate radioDay = LocalDate.ofInstant(this.radioAt, VIETNAM);
		assertThat(page(editor, "?item=" + this.item + "&from=" + radioDay + "&to=" + radioDay)
			.select("table.history tbody tr")).hasSize(1);
		assertThat(
				page(editor, "?item=" + this.item + "&from=" + radioDay.plusDays(1)).select("table.history tbody tr"))
			.hasSize(2);
		assertThat(page(editor, "?channel=WEB&item=" + this.otherItem).select("table.history tbody tr")).hasSize(1);
	}

	@Test
	void approverSendsALateEmailAnywayOrSkipsItAndAnEditorCannot() throws Exception {
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		String approverName = this.accounts.user(Role.APPROVER);
		MockHttpSession approver = this.accounts.signIn(approverName);
		assertThat(page(editor, "?item=" + this.item).select("form[action$=/confirm]")).isEmpty();
		assertThat(page(approver, "?item=" + this.item).select("form[action$=/confirm]")).hasSize(2);

		this.mvc.perform(post("/admin/publications/{id}/confirm", this.lateEmail.id()).session(editor).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.publications.publication(this.lateEmail.id()).orElseThrow().status())
			.isEqualTo(PublicationStatus.AWAITING_CONFIRMATION);

		this.mvc.perform(post("/admin/publications/{id}/confirm", this.lateEmail.id()).session(approver).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/publications/{id}/skip", this.otherLateEmail.id()).session(approver).with(csrf()))
			.andExpect(status().is3xxRedirection());

		PublicationView confirmed = this.publications.publication(this.lateEmail.id()).orElseThrow();
		assertThat(confirmed.status()).isEqualTo(PublicationStatus.DUE);
		assertThat(confirmed.reason()).startsWith("confirmed by " + approverName + " ");
		PublicationView skipped = this.publications.publication(this.otherLateEmail.id()).orElseThrow();
		assertThat(skipped.status()).isEqualTo(PublicationStatus.MISSED);
		assertThat(skipped.reason()).startsWith("skipped by " + approverName + " ").contains("late by 14h");
		// a second click changes nothing
		this.mvc.perform(post("/admin/publications/{id}/skip", this.lateEmail.id()).session(approver).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.publications.publication(this.lateEmail.id()).orElseThrow().status())
			.isEqualTo(PublicationStatus.DUE);
		assertThat(page(approver, "?item=" + this.item).select("form[action$=/confirm]")).isEmpty();
	}

	@Test
	void apiListsPublicationsByItemChannelAndStatus() throws Exception {
		String approver = this.tokens.token(Role.APPROVER);

		this.mvc.perform(as(get("/api/publications").param("item", this.item), approver))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.publications[*].channel", contains("email", "email", "radio")))
			.andExpect(jsonPath("$.publications[2].title").value("Thông báo họp dân tháng này"))
			.andExpect(jsonPath("$.publications[2].target").value("thon-a"))
			.andExpect(jsonPath("$.publications[2].slot").value("ban-tin-sang"))
			.andExpect(jsonPath("$.publications[2].campaign").value("mua-vu"))
			.andExpect(jsonPath("$.publications[2].status").value("published"))
			.andExpect(jsonPath("$.publications[2].planned")
				.value(LocalDate.ofInstant(this.radioAt, VIETNAM) + "T07:00:00+07:00"))
			.andExpect(jsonPath("$.publications[2].published")
				.value(LocalDate.ofInstant(this.radioAt, VIETNAM) + "T07:02:00+07:00"));
		this.mvc
			.perform(as(get("/api/publications").param("item", this.item)
				.param("channel", "email")
				.param("status", "awaiting-confirmation"), approver))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.publications[*].status", everyItem(is("awaiting-confirmation"))));
		this.mvc.perform(as(get("/api/publications").param("item", this.item).param("size", "1"), approver))
			.andExpect(jsonPath("$.publications.length()").value(1))
			.andExpect(jsonPath("$.totalPages").value(3));
	}

	@Test
	void apiRefusesUnknownFiltersNamingThemAndCallsWithoutAToken() throws Exception {
		String editor = this.tokens.token(Role.EDITOR);
		this.mvc.perform(as(get("/api/publications").param("channel", "fax"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("channel"));
		this.mvc.perform(as(get("/api/publications").param("status", "lost"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		this.mvc.perform(as(get("/api/publications").param("size", "500"), editor))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
		this.mvc.perform(get("/api/publications")).andExpect(status().isUnauthorized());
	}

}
