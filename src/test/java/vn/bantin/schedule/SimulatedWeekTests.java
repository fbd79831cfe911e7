package vn.bantin.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.BantinApplication;
import vn.bantin.MutableClock;
import vn.bantin.SchedulerName;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.timetable.Timetables;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole simulated week of the engine on a small timetable ({@link TestTimetable}), in
 * seconds: Quartz stays in standby and {@link EngineHarness} fires the real triggers from
 * the job store in time order, running what the jobs run. The publications made must
 * equal a list derived by hand from the timetable's rules (not from the planner), with
 * and without restarts of the application on the same H2 file, and after downtime each
 * channel's lateness policy decides what still goes out.
 *
 * <p>
 * Times are in Vietnam (UTC+7): the Monday 07:00 digest is at 00:00 UTC, the 06:00 radio
 * at 23:00 UTC the day before.
 */
class SimulatedWeekTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Sunday 2 March 2025, 22:00 in Vietnam: the items are approved then. */
	private static final Instant START = vn("2025-03-02T22:00");

	/** Monday 10 March 2025, 07:00 in Vietnam (00:00 UTC): the second digest. */
	private static final Instant END = vn("2025-03-10T07:00");

	/** The clock every application started by these tests uses, carried over restarts. */
	static volatile MutableClock clock;

	/**
	 * Whether the applications started define {@link TestTimetable#week()} at start-up.
	 */
	static volatile boolean testTimetable;

	@BeforeEach
	void withTestTimetable() {
		testTimetable = true;
	}

	@Test
	void publicationsOfTheWeekAreWhatTheTimetableSays(@TempDir Path dataDir) throws Exception {
		clock = new MutableClock(START, VIETNAM);
		Map<String, String> items;
		try (ConfigurableApplicationContext context = start(dataDir)) {
			items = createItems(context);
			new EngineHarness(context).runUntil(END);
			assertThat(publications(context)).containsExactlyInAnyOrderElementsOf(expected(items));
		}
	}

	@Test
	void restartsThroughTheWeekLoseAndDuplicateNothing(@TempDir Path dataDir) throws Exception {
		clock = new MutableClock(START, VIETNAM);
		Map<String, String> items;
		try (ConfigurableApplicationContext context = start(dataDir)) {
			items = createItems(context);
			// stopped right after Wednesday's evening occurrence fired
			new EngineHarness(context).runUntil(vn("2025-03-05T17:00"));
		}
		try (ConfigurableApplicationContext context = start(dataDir)) {
			new EngineHarness(context).runUntil(END);
			assertThat(publications(context)).containsExactlyInAnyOrderElementsOf(expected(items));
		}
	}

	@Test
	void downThreeHoursAcrossTheMorningRadioMissesItAndPublishesTheRestAtStartUp(@TempDir Path dataDir)
			throws Exception {
		clock = new MutableClock(START, VIETNAM);
		String radio;
		String web;
		try (ConfigurableApplicationContext context = start(dataDir)) {
			TestItems items = context.getBean(TestItems.class);
			radio = items.approvedNews("Tin đài sáng", List.of(TestTimetable.THEME_A), List.of(), Priority.NORMAL,
					vn("2025-03-03T05:00"), null, Set.of(Channel.RADIO));
			web = items.approvedNews("Tin trên mạng", List.of(), List.of(), Priority.NORMAL, vn("2025-03-04T07:00"),
					null, Set.of(Channel.WEB, Channel.FEED, Channel.EMAIL));
			new EngineHarness(context).runUntil(vn("2025-03-04T05:30"));
		}
		// down from 05:30 to 09:00 on Tuesday: the 06:00 radio is 3 hours late at
		// start-up
		clock.set(vn("2025-03-04T09:00"));
		try (ConfigurableApplicationContext context = start(dataDir)) {
			new EngineHarness(context).runUntil(vn("2025-03-04T09:00"));
			assertThat(publications(context)).contains(
					new Row(radio, Channel.RADIO, "*", vn("2025-03-04T06:00"), "MISSED",
							"late by 3h, more than 15m for radio"),
					new Row(web, Channel.WEB, "*", vn("2025-03-04T07:00"), "PUBLISHED", "late by 2h"),
					new Row(web, Channel.FEED, "*", vn("2025-03-04T07:00"), "PUBLISHED", "late by 2h"),
					new Row(web, Channel.EMAIL, "can-bo", vn("2025-03-04T07:00"), "PUBLISHED", "late by 2h"));
			new EngineHarness(context).runUntil(vn("2025-03-09T20:00"));
		}
		// down from Sunday 20:00 to Monday 20:00: the Monday 07:00 digest is 13 hours
		// late
		clock.set(vn("2025-03-10T20:00"));
		try (ConfigurableApplicationContext context = start(dataDir)) {
			new EngineHarness(context).runUntil(vn("2025-03-10T20:00"));
			assertThat(publications(context))
				.contains(new Row(web, Channel.EMAIL, "nhan-dan", vn("2025-03-10T07:00"), "AWAITING_CONFIRMATION",
						"late by 13h, not less than 12h for email: waiting for an editor's confirmation"));
		}
	}

	@Test
	void afterALongDowntimeOccurrencesOlderThanTheCatchUpAreSkipped(@TempDir Path dataDir) throws Exception {
		clock = new MutableClock(START, VIETNAM);
		String emergency;
		try (ConfigurableApplicationContext context = start(dataDir)) {
			// a live emergency item is placed first in every radio occurrence
			emergency = context.getBean(TestItems.class)
				.approvedNews("Khẩn: đê xung yếu", List.of(), List.of(), Priority.EMERGENCY, null,
						vn("2025-04-30T00:00"), Set.of(Channel.RADIO));
			new EngineHarness(context).runUntil(vn("2025-03-02T23:00"));
		}
		// down for 17 days: with a catch-up of 7 days, only the last week's occurrences
		// are
		// recorded (and missed: far too late for radio)
		clock.set(vn("2025-03-20T12:00"));
		try (ConfigurableApplicationContext context = start(dataDir)) {
			new EngineHarness(context).runUntil(vn("2025-03-20T12:00"));
			List<Map<String, Object>> recorded = context.getBean(JdbcTemplate.class)
				.queryForList(
						"SELECT occurrence, status FROM publication WHERE item_id = ? AND slot_key LIKE 'radio-%'",
						emergency);
			assertThat(recorded).extracting((row) -> row.get("status")).containsOnly("MISSED");
			assertThat(recorded).extracting((row) -> ((java.time.OffsetDateTime) row.get("occurrence")).toInstant())
				.containsExactlyInAnyOrder(vn("2025-03-13T17:00"), vn("2025-03-14T06:00"), vn("2025-03-14T17:00"),
						vn("2025-03-15T06:00"), vn("2025-03-15T17:00"), vn("2025-03-17T06:00"), vn("2025-03-17T17:00"),
						vn("2025-03-18T06:00"), vn("2025-03-18T17:00"), vn("2025-03-19T06:00"), vn("2025-03-19T17:00"),
						vn("2025-03-20T06:00"));
		}
	}

	@Test
	void slotFromTheScheduleFolderKeepsItsTriggerThroughARestartAndCatchesUp(@TempDir Path dataDir) throws Exception {
		Path schedules = java.nio.file.Files.createDirectories(dataDir.resolve("schedules"));
		java.nio.file.Files.writeString(schedules.resolve("radio.yaml"), """
				slots:
				  - key: sang
				    name: Bản tin sáng
				    channel: radio
				    times: "06:00"
				    days: mon-sat
				    length: 30m
				""");
		clock = new MutableClock(START, VIETNAM);
		testTimetable = false;
		String emergency;
		try (ConfigurableApplicationContext context = start(dataDir, schedules)) {
			emergency = context.getBean(TestItems.class)
				.approvedNews("Khẩn: nước lên", List.of(), List.of(), Priority.EMERGENCY, null, null,
						Set.of(Channel.RADIO));
			new EngineHarness(context).runUntil(vn("2025-03-02T22:30"));
		}
		// the files are read only when the application is ready: the sweep must wait for
		// them, or it would drop the slot's trigger and lose the occurrence missed while
		// down
		clock.set(vn("2025-03-03T09:00"));
		try (ConfigurableApplicationContext context = start(dataDir, schedules)) {
			new EngineHarness(context).runUntil(vn("2025-03-03T09:00"));
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("SELECT status, reason FROM publication WHERE item_id = ? AND slot_key = 'sang'",
						emergency))
				.containsExactly(Map.of("STATUS", "MISSED", "REASON", "late by 3h, more than 15m for radio"));
		}
	}

	/**
	 * The items of the week, approved on Sunday 22:00: three of theme A, one each of
	 * themes B and C, one without theme for web, feed and email.
	 */
	private static Map<String, String> createItems(ConfigurableApplicationContext context) {
		TestItems items = context.getBean(TestItems.class);
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("A1", items.approvedNews("Tin A một", List.of(TestTimetable.THEME_A), List.of(), Priority.NORMAL,
				vn("2025-03-03T05:00"), null, Set.of(Channel.RADIO, Channel.WEB, Channel.FEED, Channel.EMAIL)));
		ids.put("A2", items.approvedNews("Tin A hai", List.of(TestTimetable.THEME_A), List.of(), Priority.NORMAL,
				vn("2025-03-03T05:30"), null, Set.of(Channel.RADIO, Channel.WEB)));
		ids.put("A3", items.approvedNews("Tin A ba", List.of(TestTimetable.THEME_A), List.of(), Priority.NORMAL,
				vn("2025-03-05T12:00"), null, Set.of(Channel.RADIO)));
		ids.put("B1", items.approvedNews("Tin B một", List.of(TestTimetable.THEME_B), List.of(), Priority.NORMAL,
				vn("2025-03-03T10:00"), null, Set.of(Channel.RADIO, Channel.EMAIL)));
		ids.put("C1", items.approvedNews("Tin C một", List.of(TestTimetable.THEME_C), List.of(), Priority.NORMAL,
				vn("2025-03-03T10:00"), null, Set.of(Channel.RADIO)));
		ids.put("X1", items.approvedNews("Tin không chủ đề", List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.WEB, Channel.FEED, Channel.EMAIL)));
		return ids;
	}

	/**
	 * What the timetable says for the week, derived by hand:
	 * <ul>
	 * <li>"ba-buoi" (theme A, 3 airings within 7 days, 2 per slot, oldest first) on both
	 * radio slots: A1 and A2 from Monday 06:00 to Tuesday 06:00 (three each), A3 from
	 * Wednesday 17:00 to Thursday 17:00;</li>
	 * <li>"xoay-vong" (themes B then C in turn, 1 per evening slot, twice each): B1
	 * Monday, C1 Tuesday, B1 Wednesday, C1 Thursday, then both have aired twice;</li>
	 * <li>web, feed and the officials' email at each item's release time (web and feed
	 * are published by the site's channels, email by the mailing module's; radio has no
	 * channel yet and stays due);</li>
	 * <li>the Monday 07:00 digest: A1 and X1 (released since the previous Monday) on the
	 * 3rd, B1 on the 10th.</li>
	 * </ul>
	 */
	static List<Row> expected(Map<String, String> id) {
		List<Row> rows = new ArrayList<>();
		Instant approval = START;
		// on publish: web, feed, officials' email
		rows.add(published(id.get("X1"), Channel.WEB, approval));
		rows.add(published(id.get("X1"), Channel.FEED, approval));
		rows.add(mailed(id.get("X1"), "can-bo", approval));
		rows.add(published(id.get("A1"), Channel.WEB, vn("2025-03-03T05:00")));
		rows.add(published(id.get("A1"), Channel.FEED, vn("2025-03-03T05:00")));
		rows.add(mailed(id.get("A1"), "can-bo", vn("2025-03-03T05:00")));
		rows.add(published(id.get("A2"), Channel.WEB, vn("2025-03-03T05:30")));
		rows.add(mailed(id.get("B1"), "can-bo", vn("2025-03-03T10:00")));
		// digests
		rows.add(mailed(id.get("A1"), "nhan-dan", vn("2025-03-03T07:00")));
		rows.add(mailed(id.get("X1"), "nhan-dan", vn("2025-03-03T07:00")));
		rows.add(mailed(id.get("B1"), "nhan-dan", vn("2025-03-10T07:00")));
		// radio
		for (String at : List.of("2025-03-03T06:00", "2025-03-03T17:00", "2025-03-04T06:00")) {
			rows.add(onProgramme(id.get("A1"), Channel.RADIO, "*", vn(at)));
			rows.add(onProgramme(id.get("A2"), Channel.RADIO, "*", vn(at)));
		}
		for (String at : List.of("2025-03-05T17:00", "2025-03-06T06:00", "2025-03-06T17:00")) {
			rows.add(onProgramme(id.get("A3"), Channel.RADIO, "*", vn(at)));
		}
		rows.add(onProgramme(id.get("B1"), Channel.RADIO, "*", vn("2025-03-03T17:00")));
		rows.add(onProgramme(id.get("C1"), Channel.RADIO, "*", vn("2025-03-04T17:00")));
		rows.add(onProgramme(id.get("B1"), Channel.RADIO, "*", vn("2025-03-05T17:00")));
		rows.add(onProgramme(id.get("C1"), Channel.RADIO, "*", vn("2025-03-06T17:00")));
		return rows;
	}

	private static Row published(String item, Channel channel, Instant at) {
		return new Row(item, channel, "*", at, "PUBLISHED", "on time");
	}

	/** Handed to the email channel, which made a mailing of it. */
	private static Row mailed(String item, String target, Instant at) {
		return new Row(item, Channel.EMAIL, target, at, "PUBLISHED", "on time");
	}

	/** Handed to the radio channel: on the programme of its occurrence. */
	private static Row onProgramme(String item, Channel channel, String target, Instant at) {
		return new Row(item, channel, target, at, "PUBLISHED", "on time");
	}

	private static List<Row> publications(ConfigurableApplicationContext context) {
		List<Row> rows = context.getBean(JdbcTemplate.class)
			.query("SELECT item_id, channel, target, occurrence, status, reason FROM publication",
					(row, n) -> new Row(row.getString("item_id"), Channel.valueOf(row.getString("channel")),
							row.getString("target"),
							row.getObject("occurrence", java.time.OffsetDateTime.class).toInstant(),
							row.getString("status"), row.getString("reason")));
		assertThat(new HashSet<>(rows)).as("no duplicates").hasSameSizeAs(rows);
		return rows;
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return start(dataDir, dataDir.resolve("no-schedules"));
	}

	private static ConfigurableApplicationContext start(Path dataDir, Path schedules) {
		return new SpringApplicationBuilder(BantinApplication.class, WeekConfiguration.class, TestItems.class).run(
				"--server.port=0", "--bantin.data-dir=" + dataDir, "--spring.quartz.auto-startup=false",
				// a scheduler name of this database's own, kept through restarts
				SchedulerName.argument(dataDir), "--bantin.content-dir=src/test/resources/engine/content",
				"--bantin.schedules-dir=" + schedules, "--bantin.account.initial-admin-password=week-test-password");
	}

	private static Instant vn(String local) {
		return LocalDateTime.parse(local).atZone(VIETNAM).toInstant();
	}

	/** One publication as the test sees it. */
	record Row(String item, Channel channel, String target, Instant occurrence, String status, String reason) {
	}

	/**
	 * The test's clock, and the test timetable defined at start-up as the schedule folder
	 * would be.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class WeekConfiguration {

		@Bean
		@Primary
		MutableClock weekClock() {
			return clock;
		}

		@Bean
		ApplicationRunner testTimetable(Timetables timetables) {
			return (arguments) -> {
				if (testTimetable) {
					timetables.define("test", TestTimetable.week(), List.of());
				}
			};
		}

	}

}
