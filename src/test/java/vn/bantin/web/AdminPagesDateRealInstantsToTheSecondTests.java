package vn.bantin.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.site.HtmlChecker;
import vn.bantin.text.Timestamps;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The admin pages that show when something happened write it in {@code <time datetime>}
 * to the second, so that an item approved at a real clock's instant (microseconds) leaves
 * them valid HTML: the publication history, the agenda, the sends and the outbox.
 */
@BantinWebTest
class AdminPagesDateRealInstantsToTheSecondTests {

	/** An HTML datetime to the second, in UTC or with an offset. */
	static final Pattern TO_THE_SECOND = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Test
	void anItemApprovedAtARealInstantLeavesTheAdminPagesValid() throws Exception {
		// a real clock's instant: ...:52.395513, a day after the others' so that it is
		// today's on the agenda
		Instant before = this.clock.instant();
		Instant real = before.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).plusNanos(395_513_000);
		this.clock.set(real);
		try {
			check(real);
		}
		finally {
			this.clock.set(before);
		}
	}

	private void check(Instant real) throws Exception {
		// approved now: the on-publish slots record its web, feed and email publications
		// at this instant
		this.items.approvedNews("Thông báo lịch tiếp công dân", List.of(), List.of(), Priority.NORMAL, null, null,
				EnumSet.of(Channel.WEB, Channel.FEED, Channel.EMAIL));
		MockHttpSession admin = this.accounts.signedIn(Role.ADMIN);

		HtmlChecker checker = new HtmlChecker();
		List<String> problems = new ArrayList<>();
		List<String> datetimes = new ArrayList<>();
		for (String path : List.of("/admin/publications", "/admin/agenda", "/admin/sends", "/admin/outbox")) {
			MvcResult result = this.mvc.perform(get(path).session(admin).header("Accept-Language", "vi")).andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
			String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			Document page = Jsoup.parse(html);
			for (Element time : page.select("time[datetime]")) {
				datetimes.add(time.attr("datetime"));
				assertThat(time.attr("datetime")).as(path + ": " + time.outerHtml()).matches(TO_THE_SECOND);
			}
			problems.addAll(checker.errors(path, html.getBytes(StandardCharsets.UTF_8)));
		}
		assertThat(datetimes).as("the publications at the approval instant").contains(Timestamps.iso(real));
		assertThat(problems).as("Nu checker errors (page:line:column: message)").isEmpty();
	}

}
