package vn.bantin.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hand-over, not the site, marks an item published when its first channel takes it:
 * an item meant only for the radio, or only for email, becomes published too (before,
 * only the web and feed channels marked items, so these stayed "approved" for ever), in
 * the same transaction as its publication, once, at a real instant (nanoseconds, as a
 * clock gives them), and gains no page: not its own, nor a line in the lists, feeds,
 * sitemap, search or today's radio programme.
 */
@BantinWebTest
class ItemWentOutTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	Handover handover;

	@Autowired
	Publications publications;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	TestItems items;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	Instant clockBefore;

	Instant start;

	@BeforeEach
	void aRealInstant() {
		this.clockBefore = this.clock.instant();
		// a real clock's instant: not whole seconds
		this.start = Instant.parse("2027-05-04T01:10:00Z").plusNanos(123_456_789L * (1 + counter.get() % 7));
		this.clock.set(this.start);
	}

	@AfterEach
	void restoreClock() {
		this.clock.set(this.clockBefore);
	}

	@Test
	void aRadioOnlyItemIsPublishedWhenItsBulletinIsTakenAndGainsNoPage() throws Exception {
		String title = "Loa phát thanh riêng thôn Đông " + counter.incrementAndGet();
		String id = this.items.approvedNews(title, List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.RADIO));
		// between the sample timetable's bulletins (06:00 and 17:00 in the commune), so
		// that only this publication can put the item out
		Instant bulletin = this.start.plus(Duration.ofMinutes(50));
		long publication = this.publications
			.record(id, Channel.RADIO, Publications.NO_TARGET, bulletin, new Publications.Origin("ban-tin-toi", null))
			.orElseThrow()
			.id();

		// publications keep microseconds
		Instant before = bulletin.truncatedTo(ChronoUnit.MICROS).minusNanos(1);
		this.clock.set(before);
		this.handover.run(before);
		assertThat(item(id).status())
			.as("not on the air before its bulletin: %s",
					this.jdbc.queryForList("select * from publication where item_id = ?", id))
			.isEqualTo(ItemStatus.APPROVED);

		Instant taken = bulletin.plusMillis(1234).plusNanos(567_891);
		this.clock.set(taken);
		this.handover.run(taken);

		assertPublishedOnce(id, publication, taken);
		assertNoPage(id, title, taken);
	}

	@Test
	void anEmailOnlyItemIsPublishedWhenItsMailingIsQueuedAndGainsNoPage() throws Exception {
		String title = "Thư riêng gửi trưởng thôn " + counter.incrementAndGet();
		String id = this.items.approvedNews(title, List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.EMAIL));
		String list = "truong-thon-di-ra-" + counter.get();
		Instant at = this.start.plusSeconds(1);
		long publication = this.publications.record(id, Channel.EMAIL, list, at, Publications.Origin.NONE)
			.orElseThrow()
			.id();

		Instant taken = at.plusNanos(987_654_321);
		this.clock.set(taken);
		this.handover.run(taken);

		assertPublishedOnce(id, publication, taken);
		assertThat(this.jdbc.queryForObject("select count(*) from mailing where origin_key = ?", Integer.class,
				"publication:" + publication))
			.as("its mailing is queued")
			.isEqualTo(1);
		assertNoPage(id, title, taken);
	}

	@Test
	void aWebItemIsStillPublishedByItsWebPublicationAndHasItsPage() throws Exception {
		String title = "Tin trang web của xã " + counter.incrementAndGet();
		String id = this.items.approvedNews(title, List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.WEB));
		long publication = this.publications
			.record(id, Channel.WEB, Publications.NO_TARGET, this.start, Publications.Origin.NONE)
			.orElseThrow()
			.id();
		Instant taken = this.start.plusNanos(1);
		this.clock.set(taken);
		this.handover.run(taken);

		assertPublishedOnce(id, publication, taken);
		String page = this.mvc.perform(get("/items/{id}", id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(title);
	}

	private void assertPublishedOnce(String id, long publication, Instant taken) {
		assertThat(this.publications.find(publication).orElseThrow().status()).isEqualTo(PublicationStatus.PUBLISHED);
		ItemView item = item(id);
		assertThat(item.status()).isEqualTo(ItemStatus.PUBLISHED);
		assertThat(item.publishedAt()).isCloseTo(taken, within(1, ChronoUnit.MILLIS));
		// taken again (at least once): nothing changes, the history says it once
		this.handover.run(taken.plusSeconds(5));
		assertThat(item(id).publishedAt()).isEqualTo(item.publishedAt());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from item_event where item_id = ? and action = 'published'", Integer.class, id))
			.isEqualTo(1);
	}

	private void assertNoPage(String id, String title, Instant now) throws Exception {
		this.clock.set(now.plusSeconds(10));
		this.mvc.perform(get("/items/{id}", id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/items/{id}/print", id)).andExpect(status().isNotFound());
		for (String path : List.of("/", "/items", "/archive", "/feeds/rss.xml", "/feeds/atom.xml", "/feeds/podcast.xml",
				"/sitemap.xml")) {
			String body = this.mvc.perform(get(path))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(path).doesNotContain(title).doesNotContain(id);
		}
		String found = this.mvc.perform(get("/search").param("q", title))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the search box repeats the query, so look for the item's link
		assertThat(found).doesNotContain("/items/" + id);
	}

	private ItemView item(String id) {
		return this.catalog.item(id).orElseThrow();
	}

}
