package vn.bantin.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.agenda.Agenda;
import vn.bantin.agenda.AgendaEntry;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.content.TestPublishedItems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page's emergency banner (live emergencies only, newest first) and today's
 * radio programme from the sample timetable, in the commune's time.
 */
@BantinWebTest
class HomeBannerAndRadioTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestPublishedItems published;

	@Autowired
	MutableClock clock;

	@Autowired
	TestItems items;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	Agenda agenda;

	@Test
	void liveEmergencyShowsAsABannerLinkingToItAndLeavesWhenItExpires() throws Exception {
		this.clock.set(Instant.parse("2027-06-01T02:00:00Z"));
		Instant expiry = this.clock.instant().plus(Duration.ofHours(6));
		String id = this.items.approvedNews("Khẩn cấp: cắt điện toàn xã ngày 1/6", List.of(), List.of(),
				Priority.EMERGENCY, null, expiry, Set.of(Channel.WEB));
		this.published.visibleNow(id);

		String page = home();
		assertThat(page).contains("aria-labelledby=\"emergency-heading\"")
			.contains("Thông báo khẩn cấp")
			.contains("<a href=\"/items/" + id + "\">Khẩn cấp: cắt điện toàn xã ngày 1/6</a>");
		assertThat(banner(page)).contains("Đăng lúc 01/06/2027 09:00");

		// emergencies of other tests sharing the database may still be live: this one has
		// left
		this.clock.set(expiry.plusSeconds(1));
		assertThat(home()).doesNotContain("/items/" + id + "\"").doesNotContain("cắt điện toàn xã ngày 1/6");
	}

	@Test
	void severalLiveEmergenciesAreAllListedNewestFirstAndNormalItemsAreNot() throws Exception {
		this.clock.set(Instant.parse("2027-07-01T01:00:00Z"));
		Instant expiry = this.clock.instant().plus(Duration.ofDays(1));
		String older = this.items.approvedNews("Khẩn: nước lũ sông Mã dâng cao", List.of(), List.of(),
				Priority.EMERGENCY, null, expiry, Set.of(Channel.WEB));
		this.published.visibleNow(older);
		this.clock.advance(Duration.ofHours(1));
		String newer = this.items.approvedNews("Khẩn: sơ tán dân vùng trũng thôn Phú Quý", List.of(), List.of(),
				Priority.EMERGENCY, null, expiry, Set.of(Channel.WEB));
		this.published.visibleNow(newer);
		String normal = this.items.approvedNews("Lịch tiêm chủng tháng 7", List.of(), List.of(), Priority.NORMAL, null,
				expiry, Set.of(Channel.WEB));
		this.published.visibleNow(normal);

		String banner = banner(home());
		assertThat(banner).contains("sơ tán dân vùng trũng", "nước lũ sông Mã").doesNotContain("tiêm chủng");
		assertThat(banner.indexOf("sơ tán dân vùng trũng")).isLessThan(banner.indexOf("nước lũ sông Mã"));
	}

	@Test
	void radioProgrammeOnAMondayListsTheSampleMorningAndAfternoonBulletinsInCommuneTime() throws Exception {
		// Monday 10 March 2025, 05:00 in Hoằng Trung (still Sunday in UTC and New York):
		// both bulletins are still ahead
		this.clock.set(Instant.parse("2025-03-09T22:00:00Z"));
		String radio = radio(home());
		assertThat(radio).contains("Chương trình phát thanh hôm nay")
			.contains("Thứ Hai, 10/03/2025")
			.contains("<time datetime=\"2025-03-10T06:00:00+07:00\">06:00</time>")
			.contains("–06:30")
			.contains("Bản tin sáng")
			.contains("<time datetime=\"2025-03-10T17:00:00+07:00\">17:00</time>")
			.contains("Bản tin chiều")
			.contains("(Toàn xã)")
			.contains("Dự kiến")
			.doesNotContain("không có chương trình");
		assertThat(radio.indexOf("Bản tin sáng")).isLessThan(radio.indexOf("Bản tin chiều"));
	}

	@Test
	void radioProgrammeOnASundaySaysThereIsNone() throws Exception {
		// Sunday 16 March 2025, 05:00 in Hoằng Trung (still Saturday in UTC and New York)
		this.clock.set(Instant.parse("2025-03-15T22:00:00Z"));
		String radio = radio(home());
		assertThat(radio).contains("Chủ Nhật, 16/03/2025")
			.contains("Hôm nay Đài truyền thanh xã không có chương trình phát thanh.")
			.doesNotContain("Bản tin sáng");
	}

	@Test
	void radioProgrammeNamesTheItemsResidentsMaySeeOnTheSiteAndNoOthers() throws Exception {
		// Monday 24 March 2025, 05:00 in Hoằng Trung
		this.clock.set(Instant.parse("2025-03-23T22:00:00Z"));
		List<AgendaEntry.Line> before = planned();
		assertThat(before).as("the sample campaigns plan items for Monday").isNotEmpty();
		this.published.visibleNow(before.get(0).itemId());

		Instant now = this.clock.instant();
		List<AgendaEntry.Line> planned = planned();
		java.util.Map<String, Boolean> visibleBefore = new java.util.HashMap<>();
		planned.forEach((line) -> visibleBefore.put(line.itemId(),
				this.catalog.item(line.itemId()).orElseThrow().visibleAt(now)));
		String radio = radio(home());
		int linked = 0;
		for (AgendaEntry.Line line : planned) {
			String link = "<a href=\"/items/" + line.itemId() + "\">";
			boolean visible = this.catalog.item(line.itemId()).orElseThrow().visibleAt(now);
			if (visible != visibleBefore.get(line.itemId())) {
				// the scheduler put the sample item out while the page was being made
				continue;
			}
			if (visible) {
				assertThat(radio).contains(link);
				linked++;
			}
			else {
				assertThat(radio).doesNotContain(link).doesNotContain(line.title());
			}
		}
		assertThat(linked).as("items visible on the site are linked").isPositive();
	}

	private List<AgendaEntry.Line> planned() {
		Instant now = this.clock.instant();
		return this.agenda.between(now, now.plus(Duration.ofHours(19)))
			.of(Channel.RADIO)
			.stream()
			.flatMap((entry) -> entry.items().stream())
			.toList();
	}

	@Test
	void emergencyBroadcastOnTheRadioJoinsTodaysProgrammeWithItsItem() throws Exception {
		// Sunday 5 September 2027, 14:00 in Hoằng Trung: no timetable bulletin today
		this.clock.set(Instant.parse("2027-09-05T07:00:00Z"));
		String id = this.items.approvedNews("Khẩn: triều cường chiều nay", List.of(), List.of(), Priority.EMERGENCY,
				null, this.clock.instant().plus(Duration.ofHours(8)), Set.of(Channel.WEB, Channel.RADIO));
		this.published.visibleNow(id);
		// the broadcast is recorded by the scheduler's thread within about a second
		Instant midnight = Instant.parse("2027-09-04T17:00:00Z");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.agenda.between(midnight, midnight.plus(Duration.ofDays(1)))
				.of(Channel.RADIO)
				.stream()
				.anyMatch((entry) -> entry.items().stream().anyMatch((line) -> id.equals(line.itemId()))));
		// past the few seconds a computed programme is kept
		this.clock.advance(RadioToday.FRESH_FOR);

		String radio = radio(home());
		assertThat(radio).contains("Phát thanh khẩn cấp")
			.contains("<a href=\"/items/" + id + "\">Khẩn: triều cường chiều nay</a>")
			.contains("class=\"urgent\"");
	}

	@Test
	void homeLinksToTheFeedsTheThemesAndAFollowSectionThatExists() throws Exception {
		String page = home();
		assertThat(page).contains("href=\"#follow\"")
			.contains("id=\"follow\"")
			.contains("href=\"/feeds/rss.xml\"")
			.contains("href=\"/feeds/atom.xml\"")
			.contains("href=\"/feeds/podcast.xml\"")
			.containsPattern("href=\"/themes/[^\"]+\"")
			.contains("role=\"search\"");
	}

	private String home() throws Exception {
		return this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String banner(String page) {
		int start = page.indexOf("<section class=\"emergency\"");
		assertThat(start).as("emergency banner").isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private static String radio(String page) {
		int start = page.indexOf("<section class=\"radio\"");
		assertThat(start).as("radio programme").isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

}
