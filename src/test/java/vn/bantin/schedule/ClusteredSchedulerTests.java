package vn.bantin.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.ChildApplication;
import vn.bantin.EmbeddedPostgresSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, each a real process (the only way to stop one as
 * a power cut does), started at the same moment on an empty database.
 *
 * <p>
 * Child processes run on the real clock, and the application has no clock to shift, so
 * time is not simulated here: the nodes read a timetable whose radio slot comes every
 * minute ({@code cron: 0 * * * * ?}), and the test lives through three of its
 * occurrences, killing the first node a few seconds before the second. The simulated
 * week, with its rules derived by hand, runs in-process ({@link SimulatedWeekTests});
 * what only several processes can show is shown here: the start together, the turn each
 * node takes, and the take-over of a dead node's triggers. Two tests in order share the
 * two starts (about 30 s each on a busy two-core machine).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusteredSchedulerTests {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	@TempDir
	static Path folder;

	private static String url;

	private static ChildApplication first;

	private static ChildApplication second;

	@BeforeAll
	static void startTwoNodesTogether() throws Exception {
		url = EmbeddedPostgresSupport.newDatabase();
		Path schedules = Files.createDirectories(folder.resolve("schedules"));
		Files.writeString(schedules.resolve("radio.yaml"), """
				slots:
				  - key: moi-phut
				    name: Bản tin mỗi phút
				    channel: radio
				    cron: "0 * * * * ?"
				    length: 30m
				campaigns:
				  - key: tuyen-truyen-cchc
				    name: Tuyên truyền cải cách hành chính
				    plan: ke-hoach-tuyen-truyen-cchc-2023
				    slots: [moi-phut]
				    order: round-robin
				    per-slot: 3
				""");
		CompletableFuture<ChildApplication> one = CompletableFuture.supplyAsync(() -> start("node-1", schedules));
		CompletableFuture<ChildApplication> two = CompletableFuture.supplyAsync(() -> start("node-2", schedules));
		first = one.join();
		second = two.join();
		// healthy is before the runners: the start is over once the scheduler started
		Awaitility.await()
			.atMost(START_TIMEOUT)
			.until(() -> first.output().contains("Scheduler started on this node")
					&& second.output().contains("Scheduler started on this node"));
	}

	private static ChildApplication start(String node, Path schedules) {
		List<String> arguments = new ArrayList<>(List.of(EmbeddedPostgresSupport.applicationArguments(url)));
		arguments.addAll(List.of("--bantin.node-id=" + node, "--bantin.data-dir=" + folder.resolve(node),
				"--bantin.content-dir=" + Path.of("content").toAbsolutePath(), "--bantin.schedules-dir=" + schedules,
				"--bantin.account.initial-admin-password=cluster-test-password",
				// a dead node is noticed after this plus 7.5 s
				"--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=3000"));
		try {
			return ChildApplication.start(folder.resolve("logs-" + node), START_TIMEOUT,
					arguments.toArray(String[]::new));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() throws InterruptedException {
		for (ChildApplication node : new ChildApplication[] { first, second }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	@Order(1)
	void startedTogetherOnAnEmptyDatabaseTheSampleContentIsLoadedOnce() throws Exception {
		long itemFiles = markdownFiles("items", "procedures", "documents");
		long planFiles = markdownFiles("plans");
		try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
			assertThat(count(statement, "SELECT COUNT(*) FROM item")).isEqualTo(itemFiles);
			assertThat(count(statement, "SELECT COUNT(*) FROM plan")).isEqualTo(planFiles);
			// each file applied once: one "created" event per item, no update by the
			// second node
			assertThat(count(statement,
					"SELECT COUNT(*) FROM item_event WHERE actor = 'content folder' AND UPPER(action) = 'CREATED'"))
				.isEqualTo(itemFiles);
			assertThat(count(statement,
					"SELECT COUNT(*) FROM item_event WHERE actor = 'content folder' AND UPPER(action) <> 'CREATED'"))
				.isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM commune")).isEqualTo(1);
			assertThat(count(statement,
					"SELECT COUNT(*) FROM (SELECT item_id, channel, target, occurrence"
							+ " FROM publication GROUP BY item_id, channel, target, occurrence HAVING COUNT(*) > 1) d"))
				.isZero();
			// the engine's jobs are taken over with their occurrence when a node dies
			// while running one
			assertThat(count(statement, "SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = 'bantin'"
					+ " AND job_name = 'bantin-slots' AND requests_recovery"))
				.isEqualTo(1);
		}
		for (ChildApplication node : List.of(first, second)) {
			assertThat(node.output()).doesNotContain("23505", "duplicate key", "Unique index", "could not be stored",
					"Content problem");
		}
	}

	@Test
	@Order(2)
	void theFirstNodeKilledJustBeforeABulletinTheSecondFiresItOnceWithinTheMisfireLimit() throws Exception {
		Instant now = Instant.now();
		Instant before = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
		// an occurrence both nodes were up for
		awaitPublished(before);
		Instant across = before.plus(Duration.ofMinutes(1));
		Instant kill = across.minusSeconds(2);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), kill).toMillis()));
		first.kill();
		Instant after = across.plus(Duration.ofMinutes(1));
		awaitPublished(across);
		awaitPublished(after);
		Map<Instant, List<String>> byOccurrence = radio(before, after);
		assertThat(byOccurrence).containsOnlyKeys(before, across, after);
		int perBulletin = byOccurrence.get(before).size();
		assertThat(perBulletin).isPositive();
		byOccurrence.forEach((occurrence, rows) -> {
			assertThat(rows).as("bulletin at %s", occurrence).hasSize(perBulletin).doesNotHaveDuplicates();
			assertThat(rows).allSatisfy((row) -> assertThat(row).contains("|PUBLISHED|"));
		});
		try (Connection connection = superuser();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT occurrence, decided_at, reason FROM publication"
						+ " WHERE channel = 'RADIO' AND slot_key = 'moi-phut' AND occurrence = '"
						+ OffsetDateTime.ofInstant(across, java.time.ZoneOffset.UTC) + "'")) {
			while (rows.next()) {
				Instant decided = rows.getObject("decided_at", OffsetDateTime.class).toInstant();
				// taken over after the check-in interval plus 7.5 s, inside Quartz's
				// misfire threshold (60 s) and far inside the radio's 15 minutes
				assertThat(Duration.between(across, decided)).isLessThan(Duration.ofSeconds(60));
				assertThat(rows.getString("reason")).matches("on time|late by \\d+s");
			}
		}
		assertThat(second.output()).doesNotContain("23505", "duplicate key");
	}

	private static void awaitPublished(Instant occurrence) {
		Awaitility.await()
			.atMost(Duration.between(Instant.now(), occurrence).plusSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				List<String> rows = radio(occurrence, occurrence).getOrDefault(occurrence, List.of());
				return !rows.isEmpty() && rows.stream().allMatch((row) -> row.contains("|PUBLISHED|"));
			});
	}

	/** The radio publications of the minute slot from {@code from} to {@code to}. */
	private static Map<Instant, List<String>> radio(Instant from, Instant to) throws SQLException {
		Map<Instant, List<String>> found = new TreeMap<>();
		try (Connection connection = superuser();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT item_id, target, occurrence, status FROM publication"
						+ " WHERE channel = 'RADIO' AND slot_key = 'moi-phut' ORDER BY occurrence, id")) {
			while (rows.next()) {
				Instant occurrence = rows.getObject("occurrence", OffsetDateTime.class).toInstant();
				if (!occurrence.isBefore(from) && !occurrence.isAfter(to)) {
					found.computeIfAbsent(occurrence, (key) -> new ArrayList<>())
						.add(rows.getString("item_id") + "|" + rows.getString("target") + "|" + rows.getString("status")
								+ "|");
				}
			}
		}
		return found;
	}

	private static Connection superuser() throws SQLException {
		return DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(url));
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static long markdownFiles(String... folders) throws Exception {
		long count = 0;
		for (String sub : folders) {
			Path dir = Path.of("content", sub);
			if (Files.isDirectory(dir)) {
				try (Stream<Path> files = Files.list(dir)) {
					count += files.filter((file) -> file.getFileName().toString().endsWith(".md")).count();
				}
			}
		}
		return count;
	}

}
