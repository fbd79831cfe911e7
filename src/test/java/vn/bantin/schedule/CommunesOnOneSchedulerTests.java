package vn.bantin.schedule;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.bantin.BantinApplication;
import vn.bantin.EmbeddedPostgresSupport;
import vn.bantin.MutableClock;
import vn.bantin.SchedulerName;
import vn.bantin.commune.CommunesForTests;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.AllCommunes;
import vn.bantin.system.CurrentCommune;
import vn.bantin.timetable.Recurrence;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetable;
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
 * Several communes on one scheduler: their timetables have the same slot keys and fire in
 * the same minute, and each publication lands in its own commune exactly once, none in
 * another (a simulated week, on H2 and on PostgreSQL); each commune's slots follow its
 * own zone.
 *
 * <p>
 * Quartz stays in standby and {@link EngineHarness} fires the real triggers of every
 * commune from the one job store in time order, each in its trigger's commune, as the
 * jobs do.
 */
class CommunesOnOneSchedulerTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Sunday 2 March 2025, 22:00 in Vietnam: the items are approved then. */
	private static final Instant START = vn("2025-03-02T22:00");

	/** Monday 10 March 2025, 07:00 in Vietnam: the second digest. */
	private static final Instant END = vn("2025-03-10T07:00");

	/** The clock of the application the test starts. */
	static volatile MutableClock clock;

	/** Whether the default commune runs {@link TestTimetable#week()}. */
	static volatile boolean testTimetable;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void twoCommunesFiringInTheSameMinuteEachGetTheirOwnPublicationsOnce(String database, @TempDir Path dataDir)
			throws Exception {
		clock = new MutableClock(START, VIETNAM);
		testTimetable = true;
		try (ConfigurableApplicationContext context = start(dataDir, database)) {
			CurrentCommune.Scope second = CommunesForTests.create(context, "xa-thu-hai", VIETNAM);
			assertThat(second.id()).isNotEqualTo(CurrentCommune.DEFAULT);
			AllCommunes.sql(context, (jdbc) -> {
				copyPlans(jdbc, second.id());
				return null;
			});
			CurrentCommune.run(second,
					() -> context.getBean(Timetables.class).define("test", TestTimetable.week(), List.of()));
			// a province of two now: work without a scope sees nothing, so even the
			// default commune's items are made in its scope
			CurrentCommune.Scope one = context.getBean(vn.bantin.commune.Communes.class).defaultScope();
			Map<String, String> first = CurrentCommune.call(one, () -> createItems(context, ""));
			Map<String, String> other = CurrentCommune.call(second, () -> createItems(context, " (xã thứ hai)"));
			assertThat(new HashSet<>(other.values())).doesNotContainAnyElementsOf(first.values());

			new EngineHarness(context).runUntil(END);

			Map<Long, List<SimulatedWeekTests.Row>> byCommune = publications(context);
			assertThat(byCommune.keySet()).containsExactlyInAnyOrder(CurrentCommune.DEFAULT, second.id());
			assertThat(byCommune.get(CurrentCommune.DEFAULT))
				.containsExactlyInAnyOrderElementsOf(SimulatedWeekTests.expected(first));
			assertThat(byCommune.get(second.id()))
				.containsExactlyInAnyOrderElementsOf(SimulatedWeekTests.expected(other));
			// every publication is of an item of its own commune
			assertThat(AllCommunes.<Integer>sql(context,
					(jdbc) -> jdbc.queryForObject("SELECT COUNT(*) FROM publication p JOIN item i ON i.id = p.item_id"
							+ " WHERE i.commune_id <> p.commune_id", Integer.class)))
				.isZero();
			// the same slot keys in both communes, each with a trigger of its own
			assertThat(context.getBean(org.quartz.Scheduler.class)
				.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(EngineTriggers.SLOTS)))
				.extracting(org.quartz.TriggerKey::getName)
				.contains("slot:radio-sang", "slot:radio-chieu", "slot:email-tuan", second.id() + "~slot:radio-sang",
						second.id() + "~slot:radio-chieu", second.id() + "~slot:email-tuan");
			// each commune's triggers fire a job of its own: one commune's bulletin never
			// waits for another's (Quartz runs one job at a time, per job)
			org.quartz.Scheduler quartz = context.getBean(org.quartz.Scheduler.class);
			org.quartz.JobKey jobOfOne = quartz
				.getTrigger(EngineTriggers.key(CurrentCommune.DEFAULT, EngineTriggers.SLOTS, "radio-sang"))
				.getJobKey();
			org.quartz.JobKey jobOfSecond = quartz
				.getTrigger(EngineTriggers.key(second.id(), EngineTriggers.SLOTS, "radio-sang"))
				.getJobKey();
			assertThat(jobOfSecond).isNotEqualTo(jobOfOne);
			for (org.quartz.JobKey job : List.of(jobOfOne, jobOfSecond)) {
				assertThat(quartz.getJobDetail(job).isConcurrentExecutionDisallowed()).isTrue();
				assertThat(quartz.getJobDetail(job).getJobClass()).isEqualTo(EngineTriggers.SlotJob.class);
			}
		}
	}

	/**
	 * A live emergency item is placed in every radio occurrence of its commune: each
	 * commune's 06:00 slot places its own, at 06:00 on its own wall clock.
	 */
	@Test
	void eachCommuneFiresAtSixInItsOwnZone(@TempDir Path dataDir) throws Exception {
		clock = new MutableClock(START, VIETNAM);
		testTimetable = false;
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		try (ConfigurableApplicationContext context = start(dataDir, "h2")) {
			CurrentCommune.Scope vietnam = CommunesForTests.create(context, "xa-viet-nam", VIETNAM);
			CurrentCommune.Scope japan = CommunesForTests.create(context, "xa-nhat-ban", tokyo);
			// a trigger stored when every commune's slots shared one job (an earlier
			// build):
			// planning moves it to the commune's own job
			org.quartz.Scheduler quartz = context.getBean(org.quartz.Scheduler.class);
			quartz.scheduleJob(org.quartz.TriggerBuilder.newTrigger()
				.withIdentity(EngineTriggers.key(japan.id(), EngineTriggers.SLOTS, "radio-sang"))
				.forJob(EngineTriggers.jobKey(CurrentCommune.DEFAULT, EngineTriggers.SLOTS))
				.usingJobData(EngineTriggers.COMMUNE, Long.toString(japan.id()))
				.usingJobData(EngineTriggers.SUBJECT, "radio-sang")
				.usingJobData(EngineTriggers.OCCURRENCE, vn("2025-03-04T04:00").toString())
				.startAt(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(1))))
				.build());
			Map<Long, String> items = new HashMap<>();
			for (CurrentCommune.Scope scope : List.of(vietnam, japan)) {
				CurrentCommune.run(scope, () -> {
					context.getBean(Timetables.class).define("test", morningRadio(), List.of());
					items.put(scope.id(),
							context.getBean(TestItems.class)
								.approvedNews("Tin khẩn " + scope.key(), List.of(), List.of(), Priority.EMERGENCY, null,
										null, Set.of(Channel.RADIO)));
				});
			}
			assertThat(
					quartz.getTrigger(EngineTriggers.key(japan.id(), EngineTriggers.SLOTS, "radio-sang")).getJobKey())
				.isEqualTo(EngineTriggers.jobKey(japan.id(), EngineTriggers.SLOTS));
			// Monday 3 March: 06:00 in Tokyo is 04:00 in Vietnam
			new EngineHarness(context).runUntil(vn("2025-03-03T12:00"));
			List<Map<String, Object>> rows = AllCommunes.sql(context, (jdbc) -> jdbc
				.queryForList("SELECT commune_id, item_id, occurrence FROM publication WHERE slot_key = 'radio-sang'"));
			assertThat(rows).hasSize(2);
			Map<Long, Instant> occurrences = new HashMap<>();
			for (Map<String, Object> row : rows) {
				long commune = ((Number) row.get("COMMUNE_ID")).longValue();
				assertThat(row.get("ITEM_ID")).isEqualTo(items.get(commune));
				occurrences.put(commune, ((java.time.OffsetDateTime) row.get("OCCURRENCE")).toInstant());
			}
			assertThat(occurrences).containsExactlyInAnyOrderEntriesOf(
					Map.of(vietnam.id(), LocalDateTime.parse("2025-03-03T06:00").atZone(VIETNAM).toInstant(),
							japan.id(), LocalDateTime.parse("2025-03-03T06:00").atZone(tokyo).toInstant()));
		}
	}

	/**
	 * Gives {@code commune} the default commune's plans (with their themes), as its own
	 * content folder would.
	 */
	private static void copyPlans(JdbcTemplate jdbc, long commune) {
		for (Map<String, Object> plan : jdbc.queryForList("SELECT * FROM plan WHERE commune_id = 1")) {
			Map<String, Object> copy = new LinkedHashMap<>();
			plan.forEach((column, value) -> copy.put(column, switch (column.toLowerCase(java.util.Locale.ROOT)) {
				case "id" -> commune + "~" + value;
				case "commune_id" -> commune;
				default -> value;
			}));
			insert(jdbc, "plan", copy);
			for (Map<String, Object> theme : jdbc.queryForList("SELECT * FROM plan_theme WHERE plan_id = ?",
					plan.get(plan.containsKey("ID") ? "ID" : "id"))) {
				Map<String, Object> themeCopy = new LinkedHashMap<>(theme);
				String idColumn = theme.containsKey("PLAN_ID") ? "PLAN_ID" : "plan_id";
				themeCopy.put(idColumn, commune + "~" + theme.get(idColumn));
				insert(jdbc, "plan_theme", themeCopy);
			}
		}
	}

	private static void insert(JdbcTemplate jdbc, String table, Map<String, Object> row) {
		jdbc.update(
				"INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
						+ String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")",
				row.values().toArray());
	}

	/** A radio slot at 06:00 every day, with the same key in every commune. */
	private static Timetable morningRadio() {
		Slot slot = new Slot("radio-sang", "Bản tin sáng", Channel.RADIO, SlotKind.TIMED,
				Recurrence.at(LocalTime.of(6, 0)).withDays(DayOfWeek.values()), Duration.ofMinutes(30), Set.of(), null,
				null);
		return new Timetable(List.of(), List.of(), List.of(slot), List.of());
	}

	/**
	 * The items {@link SimulatedWeekTests#expected} expects, in the commune in scope;
	 * their titles end with {@code suffix}.
	 */
	private static Map<String, String> createItems(ConfigurableApplicationContext context, String suffix) {
		TestItems items = context.getBean(TestItems.class);
		Set<Channel> all = Set.of(Channel.RADIO, Channel.WEB, Channel.FEED, Channel.EMAIL);
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("A1", items.approvedNews("Tin A một" + suffix, List.of(TestTimetable.THEME_A), List.of(),
				Priority.NORMAL, vn("2025-03-03T05:00"), null, all));
		ids.put("A2", items.approvedNews("Tin A hai" + suffix, List.of(TestTimetable.THEME_A), List.of(),
				Priority.NORMAL, vn("2025-03-03T05:30"), null, Set.of(Channel.RADIO, Channel.WEB)));
		ids.put("A3", items.approvedNews("Tin A ba" + suffix, List.of(TestTimetable.THEME_A), List.of(),
				Priority.NORMAL, vn("2025-03-05T12:00"), null, Set.of(Channel.RADIO)));
		ids.put("B1", items.approvedNews("Tin B một" + suffix, List.of(TestTimetable.THEME_B), List.of(),
				Priority.NORMAL, vn("2025-03-03T10:00"), null, Set.of(Channel.RADIO, Channel.EMAIL)));
		ids.put("C1", items.approvedNews("Tin C một" + suffix, List.of(TestTimetable.THEME_C), List.of(),
				Priority.NORMAL, vn("2025-03-03T10:00"), null, Set.of(Channel.RADIO)));
		ids.put("X1", items.approvedNews("Tin không chủ đề" + suffix, List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.WEB, Channel.FEED, Channel.EMAIL)));
		return ids;
	}

	/** Every publication, by the commune it was recorded in; no duplicates. */
	private static Map<Long, List<SimulatedWeekTests.Row>> publications(ConfigurableApplicationContext context) {
		Map<Long, List<SimulatedWeekTests.Row>> byCommune = new HashMap<>();
		AllCommunes.sql(context, (jdbc) -> {
			jdbc.query("SELECT commune_id, item_id, channel, target, occurrence, status, reason FROM publication",
					(row) -> {
						byCommune.computeIfAbsent(row.getLong("commune_id"), (id) -> new ArrayList<>())
							.add(new SimulatedWeekTests.Row(row.getString("item_id"),
									Channel.valueOf(row.getString("channel")), row.getString("target"),
									row.getObject("occurrence", java.time.OffsetDateTime.class).toInstant(),
									row.getString("status"), row.getString("reason")));
					});
			return null;
		});
		byCommune.values().forEach((rows) -> assertThat(new HashSet<>(rows)).as("no duplicates").hasSameSizeAs(rows));
		return byCommune;
	}

	private static ConfigurableApplicationContext start(Path dataDir, String database) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--bantin.data-dir=" + dataDir, "--spring.quartz.auto-startup=false",
						SchedulerName.argument(dataDir), "--bantin.content-dir=src/test/resources/engine/content",
						"--bantin.schedules-dir=" + dataDir.resolve("no-schedules"),
						"--bantin.account.initial-admin-password=communes-test-password"));
		if (database.equals("postgresql")) {
			arguments
				.addAll(List.of(EmbeddedPostgresSupport.applicationArguments(EmbeddedPostgresSupport.newDatabase())));
		}
		return new SpringApplicationBuilder(BantinApplication.class, CommunesConfiguration.class, TestItems.class)
			.run(arguments.toArray(String[]::new));
	}

	private static Instant vn(String local) {
		return LocalDateTime.parse(local).atZone(VIETNAM).toInstant();
	}

	/** The test's clock, and the default commune's test timetable defined at start-up. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CommunesConfiguration {

		@Bean
		@Primary
		MutableClock communesClock() {
			return clock;
		}

		@Bean
		ApplicationRunner defaultCommuneTimetable(Timetables timetables) {
			return (arguments) -> {
				if (testTimetable) {
					timetables.define("test", TestTimetable.week(), List.of());
				}
			};
		}

	}

}
