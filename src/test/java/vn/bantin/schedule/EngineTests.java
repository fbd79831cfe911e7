package vn.bantin.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.PublicationStatus;
import vn.bantin.publishing.Publications;
import vn.bantin.publishing.Publications.PublicationView;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The engine with the real Quartz scheduler running: emergencies go out within seconds of
 * approval, "publish now" from the admin page and the API, hand-over retries, and
 * re-planning when the timetable changes. The content folder holds only the sample plan,
 * so the items are this class's own.
 */
@BantinWebTest
@TestPropertySource(properties = { "bantin.content-dir=src/test/resources/engine/content",
		"bantin.schedules-dir=target/engine-tests-no-schedules" })
@Import(EngineTests.FlakyRadioConfiguration.class)
class EngineTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	Timetables timetables;

	@Autowired
	TestItems items;

	@Autowired
	Broadcast broadcast;

	@Autowired
	Handover handover;

	@Autowired
	Publications publications;

	@Autowired
	EngineTriggers triggers;

	@Autowired
	FlakyRadio radio;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApiTokens tokens;

	@BeforeEach
	void defineTimetable() {
		// Monday 3 March 2025, 07:00 in Vietnam: 00:00 UTC
		this.clock.set(vn("2025-03-03T07:00"));
		this.timetables.define("test", TestTimetable.week(), List.of());
		this.radio.failures.set(0);
	}

	@AfterEach
	void removeTimetable() {
		this.timetables.define("test", Timetable.empty(), List.of());
	}

	@Test
	void approvedEmergencyItemGoesOutOnAllItsChannelsWithinFiveSecondsWithRadioRepeats() {
		String id = this.items.submittedNews("Khẩn: bão số " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.EMERGENCY, null, null, Set.of(Channel.WEB, Channel.FEED, Channel.EMAIL, Channel.RADIO));
		Instant approval = this.clock.instant();

		this.items.approve(id);

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(rows(id)).containsExactlyInAnyOrder(
					row(Channel.EMAIL, "can-bo", approval, PublicationStatus.PUBLISHED),
					row(Channel.EMAIL, "nhan-dan", approval, PublicationStatus.PUBLISHED),
					row(Channel.FEED, "*", approval, PublicationStatus.PUBLISHED),
					row(Channel.RADIO, "*", approval, PublicationStatus.PUBLISHED),
					row(Channel.RADIO, "*", approval.plus(Duration.ofMinutes(15)), PublicationStatus.PLANNED),
					row(Channel.RADIO, "*", approval.plus(Duration.ofMinutes(30)), PublicationStatus.PLANNED),
					row(Channel.WEB, "*", approval, PublicationStatus.PUBLISHED)));
		assertThat(this.publications.find(publicationId(id, Channel.RADIO)).orElseThrow().slot())
			.isEqualTo(Broadcast.EMERGENCY);

		// the repeats go out at their time
		this.clock.advance(Duration.ofMinutes(15));
		this.handover.run(this.clock.instant());
		assertThat(rows(id)).contains(
				row(Channel.RADIO, "*", approval.plus(Duration.ofMinutes(15)), PublicationStatus.PUBLISHED),
				row(Channel.RADIO, "*", approval.plus(Duration.ofMinutes(30)), PublicationStatus.PLANNED));
	}

	@Test
	void channelThatFailsOnceIsRetriedAndThePublicationEndsPublishedOnce() {
		String id = this.items.approvedNews("Tin đài " + counter.incrementAndGet(), List.of(), List.of("xom-1"),
				Priority.NORMAL, null, null, Set.of(Channel.RADIO));
		this.radio.failures.set(1);

		PublicationView first = this.broadcast.publishNow(id, "tester").added().get(0);

		assertThat(first.status()).isEqualTo(PublicationStatus.DUE);
		assertThat(first.target()).isEqualTo("xom-1");
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.lastError()).isEqualTo("loa xóm 1 mất điện");

		this.clock.advance(Duration.ofMinutes(1));
		this.handover.run(this.clock.instant());
		this.handover.run(this.clock.instant());

		PublicationView after = this.publications.find(first.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(PublicationStatus.PUBLISHED);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(this.radio.taken.get(first.id())).isEqualTo(1);
	}

	@Test
	void channelThatKeepsFailingEndsFailedWithItsLastError() {
		String id = this.items.approvedNews("Tin đài hỏng " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, null, null, Set.of(Channel.RADIO));
		this.radio.failures.set(100);

		long publication = this.broadcast.publishNow(id, "tester").added().get(0).id();
		for (int run = 0; run < 6; run++) {
			this.clock.advance(Duration.ofMinutes(1));
			this.handover.run(this.clock.instant());
		}

		PublicationView failed = this.publications.find(publication).orElseThrow();
		assertThat(failed.status()).isEqualTo(PublicationStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(5);
		assertThat(failed.reason()).isEqualTo("failed 5 times, last: loa xóm 1 mất điện");
	}

	@Test
	void emailPublicationsAreHandedToTheEmailChannelAndPublished() {
		// released next week: what "publish now" adds is not already there by the release
		String id = this.items.approvedNews("Thư " + counter.incrementAndGet(), List.of(), List.of(), Priority.NORMAL,
				vn("2025-03-10T07:00"), null, Set.of(Channel.EMAIL));

		List<PublicationView> made = this.broadcast.publishNow(id, "tester").added();
		this.handover.run(this.clock.instant());

		assertThat(made).extracting(PublicationView::target).containsExactly("can-bo", "nhan-dan");
		assertThat(rows(id)).extracting(Row::status).containsOnly(PublicationStatus.PUBLISHED);
		assertThat(made).extracting(PublicationView::attempts).containsOnly(0);
	}

	@Test
	void changingTheTimetableMovesFutureTriggersWithoutRestartAndLeavesPublishedAlone() {
		String id = this.items.approvedNews("Tin cũ " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, null, null, Set.of(Channel.WEB));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !rows(id).isEmpty()
					&& rows(id).stream().allMatch((row) -> row.status() == PublicationStatus.PUBLISHED));
		List<Row> published = rows(id);
		EngineTriggers.Planned evening = this.triggers.planned(EngineTriggers.SLOTS, "radio-chieu").orElseThrow();
		assertThat(this.triggers.planned(EngineTriggers.SLOTS, "radio-sang").orElseThrow().occurrence())
			.isEqualTo(vn("2025-03-04T06:00"));

		this.timetables.define("test", TestTimetable.week(LocalTime.of(7, 30)), List.of());

		assertThat(this.triggers.planned(EngineTriggers.SLOTS, "radio-sang").orElseThrow().occurrence())
			.isEqualTo(vn("2025-03-03T07:30"));
		assertThat(this.triggers.planned(EngineTriggers.SLOTS, "radio-chieu")).contains(evening);
		assertThat(rows(id)).isEqualTo(published);

		this.timetables.define("test", Timetable.empty(), List.of());

		assertThat(this.triggers.planned(EngineTriggers.SLOTS, "radio-sang")).isEmpty();
		assertThat(this.triggers.planned(EngineTriggers.SLOTS, "radio-chieu")).isEmpty();
		assertThat(rows(id)).isEqualTo(published);
	}

	@Test
	void approverPublishesNowFromTheItemPage() throws Exception {
		String id = this.items.approvedNews("Tin phát ngay " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, vn("2025-03-10T07:00"), null, Set.of(Channel.WEB, Channel.FEED));

		this.mvc.perform(post("/admin/items/{id}/publish-now", id).with(user("duyet").roles("APPROVER")).with(csrf()))
			.andExpect(redirectedUrl("/admin/items/" + id))
			.andExpect(flash().attribute("notice", "engine.publish-now.done"));

		assertThat(rows(id)).containsExactlyInAnyOrder(
				row(Channel.FEED, "*", this.clock.instant(), PublicationStatus.PUBLISHED),
				row(Channel.WEB, "*", this.clock.instant(), PublicationStatus.PUBLISHED));
	}

	@Test
	void itemPageOffersPublishNowToApproversOfApprovedItemsOnly() throws Exception {
		String approved = this.items.approvedNews("Tin có nút " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, vn("2025-03-10T07:00"), null, Set.of(Channel.WEB));
		String submitted = this.items.submittedNews("Tin không nút " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, null, null, Set.of(Channel.WEB));
		String button = "/admin/items/" + approved + "/publish-now";

		this.mvc.perform(get("/admin/items/{id}", approved).with(user("duyet").roles("APPROVER")))
			.andExpect(content().string(containsString(button)))
			.andExpect(content().string(containsString("Phát ngay")));
		this.mvc.perform(get("/admin/items/{id}", approved).with(user("bientap").roles("EDITOR")))
			.andExpect(content().string(not(containsString(button))));
		this.mvc.perform(get("/admin/items/{id}", submitted).with(user("duyet").roles("APPROVER")))
			.andExpect(content().string(not(containsString("/publish-now"))));
	}

	@Test
	void apiDocumentDescribesPublishNowWithItsResponses() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/items/{id}/publish-now'].post.responses['202']").exists())
			.andExpect(jsonPath("$.paths['/api/items/{id}/publish-now'].post.responses['404']").exists())
			.andExpect(jsonPath("$.paths['/api/items/{id}/publish-now'].post.responses['409']").exists());
	}

	@Test
	void editorMayNotPublishNow() throws Exception {
		String id = this.items.approvedNews("Tin biên tập " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, vn("2025-03-10T07:00"), null, Set.of(Channel.WEB));

		this.mvc.perform(post("/admin/items/{id}/publish-now", id).with(user("bientap").roles("EDITOR")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(rows(id)).isEmpty();
	}

	@Test
	void apiPublishesNowWith202AndRefusesUnknownAndUnapprovedItems() throws Exception {
		String token = this.tokens.token(Role.APPROVER);
		String approved = this.items.approvedNews("Tin API " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, vn("2025-03-10T07:00"), null, Set.of(Channel.WEB, Channel.EMAIL));
		String submitted = this.items.submittedNews("Tin chưa duyệt " + counter.incrementAndGet(), List.of(), List.of(),
				Priority.NORMAL, null, null, Set.of(Channel.WEB));

		this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/publish-now", approved), token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].channel").value("web"))
			.andExpect(jsonPath("$[0].status").value("published"))
			.andExpect(jsonPath("$[0].origin").value("publish-now"))
			.andExpect(jsonPath("$[1].channel").value("email"))
			.andExpect(jsonPath("$[1].target").value("can-bo"))
			.andExpect(jsonPath("$[1].status").value("published"));
		this.mvc.perform(TestApiTokens.as(post("/api/items/khong-co/publish-now"), token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Không có bản tin khong-co."));
		this.mvc
			.perform(TestApiTokens.as(post("/api/items/{id}/publish-now", submitted), token)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("Item " + submitted + " is not approved or has expired: it cannot be published now."));
		this.mvc
			.perform(TestApiTokens.as(post("/api/items/{id}/publish-now", approved), this.tokens.token(Role.EDITOR)))
			.andExpect(status().isForbidden());
	}

	private long publicationId(String item, Channel channel) {
		return this.jdbc.queryForObject("SELECT MIN(id) FROM publication WHERE item_id = ? AND channel = ?", Long.class,
				item, channel.name());
	}

	private List<Row> rows(String item) {
		return this.jdbc.query(
				"SELECT channel, target, occurrence, status FROM publication WHERE item_id = ? ORDER BY channel, target, occurrence",
				(row, n) -> new Row(Channel.valueOf(row.getString("channel")), row.getString("target"),
						row.getObject("occurrence", java.time.OffsetDateTime.class).toInstant(),
						PublicationStatus.valueOf(row.getString("status"))),
				item);
	}

	private static Row row(Channel channel, String target, Instant occurrence, PublicationStatus status) {
		return new Row(channel, target, occurrence, status);
	}

	private static Instant vn(String local) {
		return LocalDateTime.parse(local).atZone(VIETNAM).toInstant();
	}

	record Row(Channel channel, String target, Instant occurrence, PublicationStatus status) {
	}

	/**
	 * A radio channel for the test: it fails as many times as told, then takes
	 * publications, counting each.
	 */
	static class FlakyRadio implements PublicationChannel {

		final AtomicInteger failures = new AtomicInteger();

		final Map<Long, Integer> taken = new ConcurrentHashMap<>();

		@Override
		public Channel channel() {
			return Channel.RADIO;
		}

		@Override
		public void publish(PublicationView publication) throws Exception {
			if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new java.io.IOException("loa xóm 1 mất điện");
			}
			this.taken.merge(publication.id(), 1, Integer::sum);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyRadioConfiguration {

		// ahead of the application's own radio channel: the hand-over takes the first
		// channel bean of each channel in order
		@Bean
		@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
		FlakyRadio flakyRadio() {
			return new FlakyRadio();
		}

	}

}
