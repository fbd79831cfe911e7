package vn.bantin;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import vn.bantin.schedule.CommuneTriggers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application stores outlives the process: scheduled triggers and staff users
 * are still there, unchanged, when the application starts again on the same data
 * directory (H2) or the same PostgreSQL database.
 */
class ApplicationRestartTests {

	private static final ZoneId HO_CHI_MINH = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String EVERY_DAY_AT_SIX = "0 0 6 ? * *";

	private static final JobKey JOB = JobKey.jobKey("morning-bulletin", "restart-test");

	private static final TriggerKey TRIGGER = TriggerKey.triggerKey("morning-bulletin-0600", "restart-test");

	private static final String FIRST_PASSWORD = "first-start-password";

	private static final String LATER_PASSWORD = "later-start-password";

	@Test
	void triggerAndUsersSurviveRestartOnSameDataDirectory(@TempDir Path dataDir) throws Exception {
		assertTriggerAndUsersSurviveRestart(dataDir);
	}

	@Test
	void triggerAndUsersSurviveRestartOnSamePostgresDatabase(@TempDir Path dataDir) throws Exception {
		assertTriggerAndUsersSurviveRestart(dataDir,
				EmbeddedPostgresSupport.applicationArguments(EmbeddedPostgresSupport.newDatabase()));
	}

	@Test
	void sixOClockTriggerInHoChiMinhIsStoredToFireAt2300UtcTheDayBeforeOnPostgres(@TempDir Path dataDir)
			throws Exception {
		String[] postgres = EmbeddedPostgresSupport.applicationArguments(EmbeddedPostgresSupport.newDatabase());
		try (ConfigurableApplicationContext context = start(dataDir, FIRST_PASSWORD, postgres)) {
			Trigger trigger = scheduleMorningBulletin(context);

			Map<String, Object> stored = context.getBean(JdbcTemplate.class)
				.queryForMap("SELECT t.next_fire_time, c.time_zone_id FROM qrtz_triggers t JOIN qrtz_cron_triggers c"
						+ " ON c.sched_name = t.sched_name AND c.trigger_name = t.trigger_name"
						+ " AND c.trigger_group = t.trigger_group WHERE t.trigger_name = ? AND t.trigger_group = ?",
						TRIGGER.getName(), TRIGGER.getGroup());
			assertThat(stored.get("time_zone_id")).isEqualTo("Asia/Ho_Chi_Minh");
			Instant nextFire = Instant.ofEpochMilli(((Number) stored.get("next_fire_time")).longValue());
			ZonedDateTime utc = nextFire.atZone(ZoneOffset.UTC);
			assertThat(utc.toLocalTime()).isEqualTo(LocalTime.of(23, 0));
			assertThat(utc.toLocalDate().plusDays(1)).isEqualTo(nextFire.atZone(HO_CHI_MINH).toLocalDate());
			assertThat(nextFire).isEqualTo(firstSixOClockInHoChiMinhAfter(trigger.getStartTime()));
		}
	}

	private static void assertTriggerAndUsersSurviveRestart(Path dataDir, String... databaseArguments)
			throws SchedulerException {
		Date nextFireTime;
		Map<String, Object> admin;
		try (ConfigurableApplicationContext first = start(dataDir, FIRST_PASSWORD, databaseArguments)) {
			Trigger trigger = scheduleMorningBulletin(first);
			nextFireTime = trigger.getNextFireTime();
			assertThat(nextFireTime.toInstant()).isEqualTo(firstSixOClockInHoChiMinhAfter(trigger.getStartTime()));
			admin = onlyUser(first);
			assertThat(admin).containsEntry("username", "admin");
			assertPasswordWorks(first, FIRST_PASSWORD);
		}

		// a later start with another initial password must neither add nor change a user
		try (ConfigurableApplicationContext second = start(dataDir, LATER_PASSWORD, databaseArguments)) {
			Scheduler scheduler = second.getBean(Scheduler.class);
			JobDetail job = scheduler.getJobDetail(JOB);
			assertThat(job).as("job after restart").isNotNull();
			assertThat(job.getJobClass()).isEqualTo(MorningBulletinJob.class);
			assertThat(job.isDurable()).isTrue();
			assertThat(job.getJobDataMap().getString("item")).isEqualTo("Bản tin sáng");

			Trigger trigger = scheduler.getTrigger(TRIGGER);
			assertThat(trigger).as("trigger after restart").isInstanceOf(CronTrigger.class);
			CronTrigger cron = (CronTrigger) trigger;
			assertThat(cron.getJobKey()).isEqualTo(JOB);
			assertThat(cron.getCronExpression()).isEqualTo(EVERY_DAY_AT_SIX);
			assertThat(cron.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
			assertThat(cron.getNextFireTime()).isEqualTo(nextFireTime);
			assertThat(scheduler.getTriggerState(TRIGGER)).isEqualTo(Trigger.TriggerState.NORMAL);

			assertThat(onlyUser(second)).isEqualTo(admin);
			assertPasswordWorks(second, FIRST_PASSWORD);
			UserDetails details = second.getBean(UserDetailsService.class).loadUserByUsername("admin");
			assertThat(second.getBean(PasswordEncoder.class).matches(LATER_PASSWORD, details.getPassword())).isFalse();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String adminPassword,
			String... databaseArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", SchedulerName.argument(dataDir),
				"--bantin.data-dir=" + dataDir, "--bantin.account.initial-admin-password=" + adminPassword));
		arguments.addAll(List.of(databaseArguments));
		return new SpringApplicationBuilder(BantinApplication.class).run(arguments.toArray(String[]::new));
	}

	/** Schedules a durable job on a 06:00 trigger and returns the trigger as stored. */
	private static Trigger scheduleMorningBulletin(ConfigurableApplicationContext context) throws SchedulerException {
		Scheduler scheduler = context.getBean(Scheduler.class);
		JobDetail job = JobBuilder.newJob(MorningBulletinJob.class)
			.withIdentity(JOB)
			.storeDurably()
			.usingJobData("item", "Bản tin sáng")
			.build();
		scheduler.addJob(job, false);
		scheduler.scheduleJob(context.getBean(CommuneTriggers.class).cron(TRIGGER, JOB, EVERY_DAY_AT_SIX));
		return scheduler.getTrigger(TRIGGER);
	}

	private static Map<String, Object> onlyUser(ConfigurableApplicationContext context) {
		List<Map<String, Object>> users = context.getBean(JdbcTemplate.class)
			.queryForList("SELECT id, username, password_hash, created_at FROM app_user");
		assertThat(users).hasSize(1);
		return users.get(0);
	}

	private static void assertPasswordWorks(ConfigurableApplicationContext context, String password) {
		UserDetails admin = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
		assertThat(admin.isEnabled()).isTrue();
		// the first-start admin holds every role of the default commune and is the
		// province's administrator
		assertThat(admin.getAuthorities()).hasSize(5);
		assertThat(context.getBean(PasswordEncoder.class).matches(password, admin.getPassword())).isTrue();
	}

	/** When 06:00 next comes in Hồ Chí Minh City after {@code time}, by java.time. */
	private static Instant firstSixOClockInHoChiMinhAfter(Date time) {
		ZonedDateTime local = time.toInstant().atZone(HO_CHI_MINH);
		ZonedDateTime six = local.with(LocalTime.of(6, 0));
		return (six.isAfter(local) ? six : six.plusDays(1)).toInstant();
	}

	/** The job the restart tests schedule; it has nothing to do. */
	public static class MorningBulletinJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

}
