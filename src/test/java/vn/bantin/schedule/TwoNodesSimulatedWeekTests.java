package vn.bantin.schedule;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.BantinApplication;
import vn.bantin.EmbeddedPostgresSupport;
import vn.bantin.MutableClock;
import vn.bantin.SchedulerName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database through a simulated week of the sample timetables
 * ({@code schedules/}) and content ({@code content/}), from Sunday 13 December 2026 22:00
 * to the Monday 07:00 digest of the 21st: both nodes fire every occurrence at once, and
 * each publication is recorded, decided and handed over exactly once, exactly as one node
 * alone does it; then the first node dies while firing the Thursday 06:00 bulletin, and
 * the second fires it when a clustered Quartz would recover the dead node's job, within
 * the misfire limit, with the lateness policy applied, nothing twice.
 *
 * <p>
 * <b>How the week is simulated.</b> As in {@link SimulatedWeekTests}, Quartz stays in
 * standby and {@link EngineHarness} takes the earliest trigger from the job store and
 * sets the one clock both nodes share to its occurrence. Each occurrence is then run by
 * four threads released together: the trigger's job on node 1 and on node 2 (what two
 * clustered nodes firing one trigger twice do: a dead node's job recovered while it had
 * got far, or an acquisition race), and the periodic hand-over on each node. That is
 * harsher than a healthy cluster, where one node acquires each trigger, so a duplicate
 * that the locks, unique keys and claims let through would show. The oracle is a
 * reference run of the same week on one node alone, on a database of its own, in which
 * every expected publication appears (checked below); the two nodes must end with the
 * same publications (item, channel, target, occurrence, status, reason), the same
 * mailings, and nothing twice in any channel.
 *
 * <p>
 * <b>Quartz's connection manager.</b> Both nodes are clustered under one scheduler name,
 * in one JVM. Spring's {@code LocalDataSourceJobStore} registers its data source in
 * Quartz's static {@code DBConnectionManager} under a key made of the scheduler name only
 * (no Spring setting changes it), so the node started last would serve both nodes' Quartz
 * calls: the first node's triggers would be written outside its own transactions (not
 * atomic with its publications, as they are in production), and closing the wrong node
 * would leave the other on a closed pool. Hence the nodes share one connection pool,
 * which the test opens and closes, not the contexts (its bean has no destroy method):
 * whichever entry wins, it is that pool, each node's Quartz calls join that node's own
 * transaction (they are bound per thread to the pool), and closing node 1 leaves node 2
 * working. Everything else (transaction managers, caches, scheduler, data folder,
 * {@code bantin.node-id}) is each node's own.
 *
 * <p>
 * In-process, a "death" cannot stop a thread mid-way, so node 1 dies at the moment it
 * acquired the 06:00 trigger, before its job did anything (its context is closed); a job
 * run twice, once by a node that got far, is what the race does at every occurrence, and
 * the real SIGKILL is {@link ClusteredSchedulerTests}'. The second node then runs the job
 * with the trigger's original data, as Quartz's recovery does, at the occurrence plus the
 * check-in interval ({@code application-postgres.yml}) plus 7.5 s: 22 s late, within
 * Quartz's misfire threshold and the radio's 15 minutes.
 */
class TwoNodesSimulatedWeekTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Sunday 13 December 2026, 22:00 in Vietnam: the nodes start, content is loaded. */
	private static final Instant START = vn("2026-12-13T22:00");

	/** Monday 21 December 2026, 07:00 in Vietnam: the weekly digest. */
	private static final Instant END = vn("2026-12-21T07:00");

	/** Thursday 17 December 2026, 06:00: the bulletin node 1 dies across. */
	private static final Instant SIX = vn("2026-12-17T06:00");

	/** Quartz's extra wait before a dead node's work is recovered, after its check-in. */
	private static final Duration RECOVERY_MARGIN = Duration.ofMillis(7500);

	/** The clock of every node started, shared as synchronised clocks are. */
	static volatile MutableClock clock;

	/** The connection pool of the nodes being started (see the type's comment). */
	static volatile DataSource pool;

	@TempDir
	static Path folder;

	private static List<Row> alone;

	private static List<String> aloneMailings;

	/** How many triggers the node alone fired in the week. */
	private static int aloneFired;

	private static ExecutorService threads;

	@BeforeAll
	static void oneNodeAloneThroughTheWeek() throws Exception {
		threads = Executors.newFixedThreadPool(4);
		clock = new MutableClock(START, VIETNAM);
		String url = EmbeddedPostgresSupport.newDatabase();
		try (HikariDataSource connections = pool(url);
				ConfigurableApplicationContext node = start("alone", url, connections, schedulerName())) {
			aloneFired = new EngineHarness(node).runUntil(END);
		}
		alone = publications(url);
		aloneMailings = mailings(url);
		// the sample week has something for every channel and every kind of slot
		assertThat(alone).filteredOn((row) -> row.channel().equals("RADIO") && row.occurrence().equals(SIX))
			.isNotEmpty()
			.allSatisfy((row) -> assertThat(row.status()).isEqualTo("PUBLISHED"));
		assertThat(alone).extracting(Row::channel).contains("RADIO", "WEB", "FEED", "EMAIL");
		assertThat(alone).extracting(Row::occurrence).contains(END, vn("2026-12-18T17:00"));
		assertThat(aloneMailings).anyMatch((origin) -> origin.startsWith("digest:"))
			.anyMatch((origin) -> origin.startsWith("publication:"));
	}

	@AfterAll
	static void stopThreads() {
		threads.shutdownNow();
	}

	/**
	 * Repeated: a duplicate the locks let through would show only sometimes, and each
	 * repetition races every occurrence of the week again on a fresh database.
	 */
	@RepeatedTest(3)
	void bothNodesFiringEveryOccurrenceAtOnceRecordAndHandOverEachPublicationOnce() throws Exception {
		clock = new MutableClock(START, VIETNAM);
		String url = EmbeddedPostgresSupport.newDatabase();
		try (HikariDataSource connections = pool(url)) {
			List<ConfigurableApplicationContext> nodes = startTwo(url, connections);
			try (ConfigurableApplicationContext one = nodes.get(0); ConfigurableApplicationContext two = nodes.get(1)) {
				// not one trigger more than alone: racing made no extra occurrence
				assertThat(race(one, two, END)).as("triggers raced").isEqualTo(aloneFired);
			}
		}
		assertThat(publications(url)).containsExactlyInAnyOrderElementsOf(alone);
		assertThat(mailings(url)).containsExactlyInAnyOrderElementsOf(aloneMailings);
		assertNothingTwice(url);
	}

	@Test
	void theFirstNodeDyingAcrossSixTheSecondFiresTheBulletinWithinTheMisfireLimitOnce() throws Exception {
		clock = new MutableClock(START, VIETNAM);
		String url = EmbeddedPostgresSupport.newDatabase();
		Duration misfireThreshold;
		Duration recovery;
		try (HikariDataSource connections = pool(url)) {
			List<ConfigurableApplicationContext> nodes = startTwo(url, connections);
			ConfigurableApplicationContext one = nodes.get(0);
			EngineTriggers.Planned bulletin;
			try (ConfigurableApplicationContext two = nodes.get(1)) {
				misfireThreshold = Duration.ofMillis(quartzSetting(two, "org.quartz.jobStore.misfireThreshold"));
				recovery = Duration.ofMillis(quartzSetting(two, "org.quartz.jobStore.clusterCheckinInterval"))
					.plus(RECOVERY_MARGIN);
				try {
					race(one, two, SIX.minusSeconds(1));
					bulletin = new EngineHarness(two).earliest().orElseThrow();
					assertThat(bulletin.occurrence()).isEqualTo(SIX);
					assertThat(bulletin.group()).isEqualTo(EngineTriggers.SLOTS);
					// node 1 acquired the trigger at 06:00 and died before its job
					// recorded
					// anything (a death in the middle of the job is the race above: the
					// job then runs twice)
					clock.set(SIX);
				}
				finally {
					one.close();
				}
				// node 2 notices the death and runs the job with the trigger's data
				clock.set(SIX.plus(recovery));
				new EngineHarness(two).fire(bulletin);
				new EngineHarness(two).runUntil(END);
			}
		}
		List<Row> rows = publications(url);
		assertThat(rows).map(Row::withoutReason)
			.containsExactlyInAnyOrderElementsOf(alone.stream().map(Row::withoutReason).toList());
		assertThat(rows).filteredOn((row) -> !row.occurrence().equals(SIX))
			.containsExactlyInAnyOrderElementsOf(
					alone.stream().filter((row) -> !row.occurrence().equals(SIX)).toList());
		List<Row> bulletin = rows.stream().filter((row) -> row.occurrence().equals(SIX)).toList();
		assertThat(bulletin).isNotEmpty().allSatisfy((row) -> {
			assertThat(row.status()).isEqualTo("PUBLISHED");
			// decided by node 2, late by the recovery's delay: still within the radio's
			// 15 minutes
			assertThat(row.reason()).isEqualTo("late by " + recovery.toSeconds() + "s");
		});
		assertThat(decidedAt(url, SIX)).hasSameSizeAs(bulletin)
			.allSatisfy(
					(decided) -> assertThat(Duration.between(SIX, decided)).isBetween(Duration.ZERO, misfireThreshold));
		assertThat(mailings(url)).containsExactlyInAnyOrderElementsOf(aloneMailings);
		assertNothingTwice(url);
	}

	/**
	 * Runs every trigger up to {@code until} in time order, each on both nodes at once
	 * with both nodes' periodic hand-over beside it.
	 * @return how many triggers were raced
	 */
	private static int race(ConfigurableApplicationContext one, ConfigurableApplicationContext two, Instant until)
			throws Exception {
		EngineHarness first = new EngineHarness(one);
		EngineHarness second = new EngineHarness(two);
		EngineCommunes firstCommunes = one.getBean(EngineCommunes.class);
		EngineCommunes secondCommunes = two.getBean(EngineCommunes.class);
		int raced = 0;
		for (Optional<EngineTriggers.Planned> next = second.earliest(); next.isPresent()
				&& !next.get().occurrence().isAfter(until); next = second.earliest()) {
			EngineTriggers.Planned planned = next.get();
			if (planned.occurrence().isAfter(clock.instant())) {
				clock.set(planned.occurrence());
			}
			Instant now = clock.instant();
			together(() -> first.fire(planned), () -> second.fire(planned), () -> firstCommunes.handOverEverywhere(now),
					() -> secondCommunes.handOverEverywhere(now));
			raced++;
			assertThat(raced).as("runaway trigger chain at %s", planned).isLessThan(10_000);
		}
		if (until.isAfter(clock.instant())) {
			clock.set(until);
		}
		return raced;
	}

	/** Runs the tasks on threads of their own released at one moment; rethrows. */
	private static void together(Runnable... tasks) throws Exception {
		CyclicBarrier start = new CyclicBarrier(tasks.length);
		List<Future<?>> running = new ArrayList<>();
		for (Runnable task : tasks) {
			running.add(threads.submit(() -> {
				start.await(30, TimeUnit.SECONDS);
				task.run();
				return null;
			}));
		}
		for (Future<?> task : running) {
			try {
				task.get(2, TimeUnit.MINUTES);
			}
			catch (ExecutionException ex) {
				throw new AssertionError("a node failed to fire at " + clock.instant() + ": " + ex.getCause(),
						ex.getCause());
			}
		}
	}

	/**
	 * Nothing twice in any channel: one publication per item, channel, target and
	 * occurrence; one mailing per origin, each item once in it; the item marked published
	 * once.
	 */
	private static void assertNothingTwice(String url) throws SQLException {
		try (Connection connection = superuser(url); Statement statement = connection.createStatement()) {
			assertThat(
					count(statement,
							"SELECT COUNT(*) FROM (SELECT item_id, channel, target, occurrence FROM publication"
									+ " GROUP BY item_id, channel, target, occurrence HAVING COUNT(*) > 1) twice"))
				.isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT origin_key FROM mailing"
					+ " GROUP BY origin_key HAVING COUNT(*) > 1) twice"))
				.isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT mailing_id, item_id FROM mailing_item"
					+ " GROUP BY mailing_id, item_id HAVING COUNT(*) > 1) twice"))
				.isZero();
			assertThat(count(statement,
					"SELECT COUNT(*) FROM (SELECT item_id FROM item_event WHERE UPPER(action) = 'PUBLISHED'"
							+ " GROUP BY item_id HAVING COUNT(*) > 1) twice"))
				.isZero();
		}
	}

	/**
	 * Starts the two nodes on one database, one after the other: two Spring Boot
	 * applications starting at the same moment in one JVM race on the JVM's one logging
	 * system ("Unable to find Spring Environment in logger context", seen in a full
	 * build). Nodes starting together are {@code ClusteredSchedulerTests}' subject, in
	 * processes of their own; here the race is the firing.
	 */
	private static List<ConfigurableApplicationContext> startTwo(String url, DataSource connections) {
		String name = schedulerName();
		ConfigurableApplicationContext one = start("node-1", url, connections, name);
		return List.of(one, start("node-2", url, connections, name));
	}

	private static ConfigurableApplicationContext start(String node, String url, DataSource connections,
			String schedulerName) {
		pool = connections;
		List<String> arguments = new ArrayList<>(List.of(EmbeddedPostgresSupport.applicationArguments(url)));
		arguments.addAll(List.of("--server.port=0", "--bantin.node-id=" + node,
				"--bantin.data-dir=" + folder.resolve(url.replaceAll("\\W", "")).resolve(node),
				"--spring.quartz.auto-startup=false", "--" + SchedulerName.PROPERTY + "=" + schedulerName,
				"--bantin.content-dir=" + Path.of("content").toAbsolutePath(),
				"--bantin.schedules-dir=" + Path.of("schedules").toAbsolutePath(),
				"--bantin.account.initial-admin-password=two-nodes-test-password",
				// no speech rendered in the background: the week's radio entries stay
				// scripts
				"--bantin.radio.speech-command="));
		return new SpringApplicationBuilder(BantinApplication.class, TwoNodesConfiguration.class)
			.run(arguments.toArray(String[]::new));
	}

	/** One scheduler name for the nodes of one cluster, unlike any other in this JVM. */
	private static String schedulerName() {
		return "bantin-two-nodes-" + UUID.randomUUID();
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource connections = new HikariDataSource();
		connections.setJdbcUrl(url);
		connections.setUsername(EmbeddedPostgresSupport.USERNAME);
		connections.setPassword("");
		// two nodes' worth of what application-postgres.yml gives one
		connections.setMaximumPoolSize(48);
		connections.setPoolName("two-nodes");
		return connections;
	}

	private static long quartzSetting(ConfigurableApplicationContext node, String name) {
		return node.getEnvironment().getRequiredProperty("spring.quartz.properties." + name, Long.class);
	}

	private static List<Row> publications(String url) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (Connection connection = superuser(url);
				Statement statement = connection.createStatement();
				ResultSet found = statement
					.executeQuery("SELECT item_id, channel, target, occurrence, status, reason FROM publication")) {
			while (found.next()) {
				rows.add(new Row(found.getString("item_id"), found.getString("channel"), found.getString("target"),
						found.getObject("occurrence", OffsetDateTime.class).toInstant(), found.getString("status"),
						found.getString("reason")));
			}
		}
		return rows;
	}

	/** When each publication of an occurrence was decided. */
	private static List<Instant> decidedAt(String url, Instant occurrence) throws SQLException {
		List<Instant> decided = new ArrayList<>();
		try (Connection connection = superuser(url);
				java.sql.PreparedStatement statement = connection
					.prepareStatement("SELECT decided_at FROM publication WHERE occurrence = ?")) {
			statement.setObject(1, OffsetDateTime.ofInstant(occurrence, java.time.ZoneOffset.UTC));
			try (ResultSet found = statement.executeQuery()) {
				while (found.next()) {
					decided.add(found.getObject("decided_at", OffsetDateTime.class).toInstant());
				}
			}
		}
		return decided;
	}

	/**
	 * The mailings by origin, a publication's named by its item and list (publication ids
	 * differ from one database to another).
	 */
	private static List<String> mailings(String url) throws SQLException {
		List<String> origins = new ArrayList<>();
		try (Connection connection = superuser(url);
				Statement statement = connection.createStatement();
				ResultSet found = statement.executeQuery("SELECT m.origin_key, p.item_id, p.target FROM mailing m"
						+ " LEFT JOIN publication p ON m.origin_key = 'publication:' || p.id")) {
			while (found.next()) {
				origins.add((found.getString("item_id") != null)
						? "publication:" + found.getString("item_id") + ":" + found.getString("target")
						: found.getString("origin_key"));
			}
		}
		return origins;
	}

	private static Connection superuser(String url) throws SQLException {
		return DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(url));
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Instant vn(String local) {
		return LocalDateTime.parse(local).atZone(VIETNAM).toInstant();
	}

	/** One publication as recorded. */
	record Row(String item, String channel, String target, Instant occurrence, String status, String reason) {

		Row withoutReason() {
			return new Row(this.item, this.channel, this.target, this.occurrence, this.status, null);
		}

	}

	/**
	 * The shared clock, and the shared connection pool (no destroy method: closing a node
	 * must not close it).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class TwoNodesConfiguration {

		@Bean
		@Primary
		MutableClock twoNodesClock() {
			return clock;
		}

		@Bean(destroyMethod = "")
		@Primary
		DataSource twoNodesDataSource() {
			return pool;
		}

	}

}
