package vn.bantin.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import vn.bantin.BantinApplication;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.publishing.Publications;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How late Quartz fires one-shot triggers in the real application: the application
 * started by {@link BantinApplication} with its own configuration (JDBC job store on an
 * H2 file database migrated by Flyway, {@code acquireTriggersWithinLock}, 4 threads) on a
 * fresh data directory, with the sample content.
 *
 * <p>
 * Each phase {@code name:count:seconds:job} stores {@code count} one-shot triggers of one
 * durable job in one transaction, spread evenly over {@code seconds} (0: all at the same
 * instant) starting a few seconds later, and waits until all have fired. Every fire logs
 * its lateness: when the job started minus the time its trigger was meant to fire (kept
 * in the trigger's data, so that a misfire handled by Quartz, which moves the scheduled
 * time, still counts from the original one). Jobs:
 * <ul>
 * <li>{@code record}: what a slot's fire does for one item: {@link Publications#record}
 * on the radio (item: the trigger's number modulo the sample's radio items; target: a
 * zone of its own, so that every trigger makes one publication, also when triggers share
 * an instant) at the occurrence, then {@link Publications#decide} with the lateness
 * policy; each phase checks afterwards that it recorded exactly one publication per
 * trigger;</li>
 * <li>{@code empty}: nothing but the log (Quartz's own cost).</li>
 * </ul>
 * Prints one line of {@code key=value} per phase for {@code bench/schedule/run.sh}.
 *
 * <pre>
 * FiringBenchmark DATA_DIR CONTENT_DIR [--setting=value...] PHASE...
 * </pre>
 *
 * Settings given as {@code --name=value} override the application's (e.g. Quartz
 * properties), to try another configuration.
 */
public final class FiringBenchmark {

	private static final String GROUP = "bench";

	private FiringBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err
				.println("usage: FiringBenchmark DATA_DIR CONTENT_DIR [--setting=value...] name:count:seconds:job...");
			System.exit(2);
		}
		List<String> settings = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--bantin.data-dir=" + Path.of(args[0]), "--bantin.content-dir=" + Path.of(args[1]),
				"--bantin.account.initial-admin-password=x-bench-123"));
		List<String> phases = new ArrayList<>();
		for (String arg : Arrays.copyOfRange(args, 2, args.length)) {
			(arg.startsWith("--") ? settings : phases).add(arg);
		}
		FireLog log = new FireLog();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BantinApplication.class)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("fireLog", log))
			.run(settings.toArray(String[]::new));
		int status = 0;
		try {
			List<String> items = context.getBean(ItemCatalog.class)
				.releasable()
				.stream()
				.filter((item) -> item.channels().contains(Channel.RADIO))
				.map(ItemView::id)
				.toList();
			if (items.isEmpty()) {
				throw new IllegalStateException("no approved radio item in " + args[1]);
			}
			Scheduler scheduler = context.getBean(Scheduler.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			double msPerTrigger = 2.0; // until the first phase has measured it
			for (String phase : phases) {
				String[] parts = phase.split(":");
				Result result = run(scheduler, jdbc, log, items, parts[0], Integer.parseInt(parts[1]),
						Integer.parseInt(parts[2]), parts[3], msPerTrigger);
				msPerTrigger = Math.max(0.2, (double) result.storeMillis / result.triggers);
				System.out.println(result.line());
				if (!result.complete()) {
					status = 1;
				}
			}
		}
		finally {
			context.close();
		}
		System.exit(status);
	}

	private static Result run(Scheduler scheduler, JdbcTemplate jdbc, FireLog log, List<String> items, String name,
			int count, int seconds, String job, double msPerTrigger) throws Exception {
		Class<? extends Job> jobClass = switch (job) {
			case "record" -> RecordingFire.class;
			case "empty" -> EmptyFire.class;
			default -> throw new IllegalArgumentException("job: record or empty, was " + job);
		};
		log.clear();
		Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE slot_key = ?", Integer.class,
				"bench-" + name);
		// leave time to store the triggers (three times what the last phase took) so that
		// the
		// first ones are not late because of it
		long lead = 3000 + (long) (3 * msPerTrigger * count);
		long start = System.currentTimeMillis() + lead;
		JobDetail detail = JobBuilder.newJob(jobClass)
			.withIdentity(name, GROUP)
			.storeDurably()
			.usingJobData("phase", name)
			.build();
		Set<Trigger> triggers = new LinkedHashSet<>();
		for (int i = 0; i < count; i++) {
			long at = start + (count > 1 ? (seconds * 1000L * i) / count : 0);
			triggers.add(TriggerBuilder.newTrigger()
				.withIdentity(name + "-" + i, GROUP)
				.forJob(detail)
				.startAt(new Date(at))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.usingJobData("at", at)
				.usingJobData("item", items.get(i % items.size()))
				// a target per trigger: one publication each, also when triggers share an
				// instant
				.usingJobData("zone", "thon-" + (i + 1))
				.build());
		}
		long t0 = System.currentTimeMillis();
		scheduler.scheduleJob(detail, triggers, true);
		long stored = System.currentTimeMillis();
		long deadline = start + seconds * 1000L + 180_000;
		while (log.size() < count && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		// let the last jobs finish (the log is written before a job returns)
		Thread.sleep(500);
		Integer after = jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE slot_key = ?", Integer.class,
				"bench-" + name);
		scheduler.deleteJob(detail.getKey());
		return new Result(name, job, count, seconds, stored - t0, stored > start, log.fires(),
				(after != null ? after : 0) - (before != null ? before : 0));
	}

	/** The clock's time in microseconds since the epoch. */
	static long micros(Clock clock) {
		Instant now = clock.instant();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
	}

	/** The fires of the current phase, logged by the jobs. */
	static final class FireLog {

		private final ConcurrentLinkedQueue<Fire> fires = new ConcurrentLinkedQueue<>();

		void add(Fire fire) {
			this.fires.add(fire);
		}

		int size() {
			return this.fires.size();
		}

		List<Fire> fires() {
			return new ArrayList<>(this.fires);
		}

		void clear() {
			this.fires.clear();
		}

	}

	/**
	 * One fire.
	 *
	 * @param meant when its trigger was meant to fire (epoch µs)
	 * @param scheduled the scheduled time Quartz gave the job (later than {@code meant}
	 * after a misfire; epoch µs)
	 * @param started when the job started (epoch µs)
	 * @param ended when the job ended (epoch µs)
	 */
	record Fire(long meant, long scheduled, long started, long ended) {

		long lateness() {
			return this.started - this.meant;
		}

	}

	/** A phase's outcome. */
	record Result(String name, String job, int triggers, int seconds, long storeMillis, boolean storeOverran,
			List<Fire> fires, int publications) {

		boolean complete() {
			return this.fires.size() == this.triggers
					&& (!"record".equals(this.job) || this.publications == this.triggers);
		}

		String line() {
			long[] lateness = this.fires.stream().mapToLong(Fire::lateness).sorted().toArray();
			long[] durations = this.fires.stream()
				.mapToLong((fire) -> fire.ended() - fire.started())
				.sorted()
				.toArray();
			long firstMeant = this.fires.stream().mapToLong(Fire::meant).min().orElse(0);
			long lastStart = this.fires.stream().mapToLong(Fire::started).max().orElse(0);
			long misfired = this.fires.stream().filter((fire) -> fire.scheduled() != fire.meant()).count();
			double span = Math.max(1, lastStart - firstMeant) / 1e6;
			return String.format(Locale.ROOT,
					"phase=%s job=%s triggers=%d window_s=%d store_ms=%d store_overran=%b fired=%d misfired=%d"
							+ " publications=%d median_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f job_median_ms=%.1f"
							+ " job_max_ms=%.1f offered_per_s=%.1f achieved_per_s=%.1f",
					this.name, this.job, this.triggers, this.seconds, this.storeMillis, this.storeOverran,
					this.fires.size(), misfired, this.publications, ms(lateness, 0.5), ms(lateness, 0.95),
					ms(lateness, 0.99), ms(lateness, 1.0), ms(durations, 0.5), ms(durations, 1.0),
					(this.seconds > 0) ? this.triggers / (double) this.seconds : 0.0, this.fires.size() / span);
		}

		/**
		 * The value (µs, shown in ms) at or below which a fraction {@code q} of the
		 * sorted values lie.
		 */
		private static double ms(long[] sorted, double q) {
			return quantile(sorted, q) / 1000.0;
		}

		/** The value at or below which a fraction {@code q} of the sorted values lie. */
		private static long quantile(long[] sorted, double q) {
			if (sorted.length == 0) {
				return -1;
			}
			int index = (int) Math.ceil(q * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

	/**
	 * What a slot's fire does for one item: records the publication (idempotent) and
	 * decides it with the lateness policy.
	 */
	public static class RecordingFire implements Job {

		private final Publications publications;

		private final FireLog log;

		private final Clock clock;

		public RecordingFire(Publications publications, FireLog log, Clock clock) {
			this.publications = publications;
			this.log = log;
			this.clock = clock;
		}

		@Override
		public void execute(JobExecutionContext context) {
			long started = micros(this.clock);
			JobDataMap data = context.getMergedJobDataMap();
			long meant = data.getLong("at");
			this.publications
				.record(data.getString("item"), Channel.RADIO, data.getString("zone"), Instant.ofEpochMilli(meant),
						new Publications.Origin("bench-" + data.getString("phase"), null))
				.ifPresent((publication) -> this.publications.decide(publication.id(), this.clock.instant()));
			this.log.add(new Fire(meant * 1000, context.getScheduledFireTime().getTime() * 1000, started,
					micros(this.clock)));
		}

	}

	/** Nothing but the log: what Quartz itself costs. */
	public static class EmptyFire implements Job {

		private final FireLog log;

		private final Clock clock;

		public EmptyFire(FireLog log, Clock clock) {
			this.log = log;
			this.clock = clock;
		}

		@Override
		public void execute(JobExecutionContext context) {
			long started = micros(this.clock);
			long meant = context.getMergedJobDataMap().getLong("at");
			this.log.add(new Fire(meant * 1000, context.getScheduledFireTime().getTime() * 1000, started,
					micros(this.clock)));
		}

	}

}
