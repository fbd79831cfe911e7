package vn.bantin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.quartz.Job;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by the release before still works when this code starts on it: the
 * migrations run, the Quartz jobs and triggers it stored are still there and their job
 * classes load, the API token, the calendar feed token and the radio token it issued
 * still open their doors (and a wrong one does not), and the publications it made are all
 * still there, none made twice.
 *
 * <p>
 * The fixtures in {@code src/test/resources/upgrade/} were written by the application at
 * the commit named in {@code fixture.properties} (the main of issue 14, before the
 * refactoring) on its first start with the sample content; {@code make-fixture.sh} there
 * makes them again. H2: the database file itself, compacted. PostgreSQL: no pg_dump can
 * read the tests' server (Debian's is older, zonky ships none), so the fixture holds that
 * commit's migration files and every table's rows as the old application left them (COPY,
 * CSV); this test rebuilds the schema by running those files with Flyway, loads the rows
 * and the sequences' values, then starts the application. The schema is thus the one the
 * old migrations make on the same server, not a dump of it.
 *
 * <p>
 * The application runs as a child process with the test class path (this code) and
 * Quartz's scheduler name {@code bantin}, under which the fixture's triggers are stored;
 * everything is checked from outside, over HTTP and JDBC, so that no class name of the
 * code under test is assumed: a job class that moved without its stored name being
 * rewritten fails {@code Class.forName}. The clock is real, so triggers the fixture had
 * planned for a time now past fire at start (as after any downtime): those must not end
 * in error; those still ahead must be unchanged.
 */
class DatabaseFromThePreviousReleaseTests {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void h2FileDatabaseStartsWithItsTriggersTokensAndPublications(@TempDir Path folder) throws Exception {
		Path dataDir = folder.resolve("data");
		unzip("h2.zip", dataDir.resolve("db"));
		Database database = new Database("jdbc:h2:file:" + dataDir.resolve("db/bantin"), "bantin");
		assertStartsOnIt(database, "h2", folder, "--bantin.data-dir=" + dataDir);
	}

	@Test
	void postgresDatabaseStartsWithItsTriggersTokensAndPublications(@TempDir Path folder) throws Exception {
		Path dump = folder.resolve("dump");
		unzip("postgres.zip", dump);
		Database database = new Database(EmbeddedPostgresSupport.newDatabase(), EmbeddedPostgresSupport.USERNAME);
		restore(dump, database);
		List<String> arguments = new ArrayList<>(List.of("--bantin.data-dir=" + folder.resolve("data")));
		arguments.addAll(List.of(EmbeddedPostgresSupport.applicationArguments(database.url())));
		assertStartsOnIt(database, "postgres", folder, arguments.toArray(String[]::new));
	}

	private void assertStartsOnIt(Database database, String name, Path folder, String... arguments) throws Exception {
		Properties fixture = fixture();
		Snapshot before = database.snapshot();
		assertThat(before.jobs()).as("the fixture's Quartz jobs").isNotEmpty();
		assertThat(before.triggers()).as("the fixture's Quartz triggers").isNotEmpty();
		assertThat(before.publications()).as("the fixture's publications").isNotEmpty();
		database.keepApiTokensValid();

		String log;
		Instant stopped;
		try (ChildApplication application = ChildApplication.start(folder, START_TIMEOUT, arguments)) {
			String base = application.baseUrl();
			assertTokensStillWork(base, fixture, name);
			assertPublicationsListed(base, fixture.getProperty(name + ".api-token"), before.publications());
			// the start-up sweep has reconciled every trigger and handed over what was
			// overdue, as after downtime
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(120))
				.until(() -> application.output().contains("Scheduler start-up sweep at"));
			application.close();
			stopped = Instant.now();
			log = application.output();
		}

		assertThat(log).as("the application's output")
			.doesNotContain("JobPersistenceException")
			.doesNotContain("ClassNotFoundException")
			.doesNotContain("FlywayException")
			.doesNotContain("FlywayValidateException");
		Snapshot after = database.snapshot();
		assertMigrated(database, before);
		assertJobsAndTriggersKept(before, after, stopped);
		assertPublicationsKept(database, before, after);
	}

	private void assertTokensStillWork(String base, Properties fixture, String name) throws Exception {
		String api = fixture.getProperty(name + ".api-token");
		String calendar = fixture.getProperty(name + ".calendar-token");
		String radio = fixture.getProperty(name + ".radio-token");
		assertThat(List.of(api, calendar, radio)).as("tokens in fixture.properties").doesNotContainNull();

		assertThat(get(base + "/api/publications?size=1", api).statusCode()).as("API token").isEqualTo(200);
		assertThat(get(base + "/api/publications?size=1", wrong(api)).statusCode()).as("wrong API token")
			.isEqualTo(401);

		HttpResponse<String> feed = get(base + "/calendar/" + calendar + ".ics", null);
		assertThat(feed.statusCode()).as("calendar feed token").isEqualTo(200);
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
		assertThat(get(base + "/calendar/" + wrong(calendar) + ".ics", null).statusCode()).as("wrong calendar token")
			.isEqualTo(404);

		HttpResponse<String> playlist = get(base + "/radio/" + radio + "/current.json", null);
		assertThat(playlist.statusCode()).as("radio token").isEqualTo(200);
		assertThat(JSON.readTree(playlist.body()).has("occurrence")).isTrue();
		assertThat(get(base + "/radio/" + radio + "/current.m3u8", null).statusCode()).isEqualTo(200);
		assertThat(get(base + "/radio/" + wrong(radio) + "/current.json", null).statusCode()).as("wrong radio token")
			.isEqualTo(404);
	}

	/** Every publication of the fixture is listed by the API with the status it had. */
	private void assertPublicationsListed(String base, String token, Map<Long, Publication> fixture) throws Exception {
		Map<Long, String> listed = new HashMap<>();
		for (int page = 0;; page++) {
			HttpResponse<String> response = get(base + "/api/publications?size=200&page=" + page, token);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			body.get("publications").forEach((p) -> listed.put(p.get("id").asLong(), p.get("status").asString()));
			if (page + 1 >= body.get("totalPages").asInt()) {
				break;
			}
		}
		fixture.values()
			.stream()
			.filter((publication) -> publication.status().equals("PUBLISHED"))
			.forEach((publication) -> assertThat(listed).as("publication %d in the API", publication.id())
				.containsEntry(publication.id(), "published"));
		assertThat(listed.keySet()).containsAll(fixture.keySet());
	}

	private void assertMigrated(Database database, Snapshot before) throws SQLException {
		List<Map<String, Object>> history = database
			.rows("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL");
		assertThat(history).allSatisfy(
				(row) -> assertThat(row.get("success")).as("migration %s", row.get("version")).isEqualTo(Boolean.TRUE));
		assertThat(history).map((row) -> (String) row.get("version")).containsAll(before.migrations());
	}

	private void assertJobsAndTriggersKept(Snapshot before, Snapshot after, Instant stopped) {
		assertThat(after.jobs().keySet()).as("Quartz jobs after the start").containsAll(before.jobs().keySet());
		after.jobs().forEach((key, jobClass) -> {
			Class<?> type;
			try {
				type = Class.forName(jobClass);
			}
			catch (ClassNotFoundException ex) {
				throw new AssertionError("Quartz job " + key + " names class " + jobClass + ", which is gone", ex);
			}
			assertThat(Job.class).as("job class of " + key).isAssignableFrom(type);
		});
		after.triggers().values().forEach((trigger) -> {
			assertThat(trigger.state()).as("state of trigger %s", trigger.key()).isNotEqualTo("ERROR");
			assertThat(after.jobs()).as("job of trigger %s", trigger.key()).containsKey(trigger.job());
		});
		before.triggers().values().forEach((trigger) -> {
			if (trigger.nextFire() > stopped.plusSeconds(60).toEpochMilli()) {
				// not due while the new code ran: untouched
				assertThat(after.triggers()).as("trigger %s, due later", trigger.key())
					.containsEntry(trigger.key(), trigger);
			}
		});
	}

	private void assertPublicationsKept(Database database, Snapshot before, Snapshot after) throws SQLException {
		before.publications().values().forEach((publication) -> {
			Publication now = after.publications().get(publication.id());
			assertThat(now).as("publication %d", publication.id()).isNotNull();
			assertThat(now.occurrenceKey()).isEqualTo(publication.occurrenceKey());
			if (publication.status().equals("PUBLISHED")) {
				assertThat(now.status()).as("publication %d", publication.id()).isEqualTo("PUBLISHED");
			}
		});
		assertThat(database.rows("SELECT item_id, channel, target, occurrence, COUNT(*) AS n FROM publication"
				+ " GROUP BY item_id, channel, target, occurrence HAVING COUNT(*) > 1"))
			.as("publications made twice")
			.isEmpty();
		assertThat(database.rows("SELECT item_id, channel, COUNT(*) AS n FROM publication"
				+ " WHERE channel IN ('WEB', 'FEED') AND status = 'PUBLISHED' GROUP BY item_id, channel"
				+ " HAVING COUNT(*) > 1"))
			.as("items published twice on the web site or the feeds")
			.isEmpty();
	}

	private HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The same secret with its last character changed. */
	private static String wrong(String token) {
		char last = token.charAt(token.length() - 1);
		return token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');
	}

	private static Properties fixture() throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource("fixture.properties"), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = DatabaseFromThePreviousReleaseTests.class.getResourceAsStream("/upgrade/" + name);
		if (in == null) {
			throw new IOException("No upgrade/" + name + " on the class path");
		}
		return in;
	}

	private static void unzip(String name, Path folder) throws IOException {
		Files.createDirectories(folder);
		try (ZipInputStream zip = new ZipInputStream(resource(name))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				Path target = folder.resolve(entry.getName()).normalize();
				if (!target.startsWith(folder)) {
					throw new IOException("Entry outside the folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(zip, target);
				}
			}
		}
	}

	/**
	 * Rebuilds the old schema from the old migration files, then loads the old rows (the
	 * history of the migrations too) and the sequences' values.
	 */
	private static void restore(Path dump, Database database) throws Exception {
		Flyway.configure()
			.dataSource(database.url(), database.user(), "")
			.locations("filesystem:" + dump.resolve("migrations"))
			.load()
			.migrate();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			// no foreign key checks while tables are loaded in any order (superuser)
			statement.execute("SET LOCAL session_replication_role = replica");
			statement.execute("TRUNCATE \"flyway_schema_history\"");
			PGConnection pg = connection.unwrap(PGConnection.class);
			try (Stream<Path> files = Files.list(dump.resolve("data"))) {
				for (Path file : files.sorted().toList()) {
					String table = file.getFileName().toString().replaceFirst("\\.csv$", "");
					String header;
					try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
						header = lines.findFirst().orElseThrow();
					}
					String columns = Stream.of(header.split(","))
						.map((column) -> "\"" + column + "\"")
						.collect(Collectors.joining(", "));
					try (InputStream in = Files.newInputStream(file)) {
						pg.getCopyAPI()
							.copyIn("COPY \"" + table + "\" (" + columns
									+ ") FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')", in);
					}
				}
			}
			for (String line : Files.readAllLines(dump.resolve("sequences.csv"))) {
				String[] sequence = line.split(",");
				try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?, ?)")) {
					setval.setString(1, "public.\"" + sequence[0] + "\"");
					setval.setLong(2, Long.parseLong(sequence[1]));
					setval.execute();
				}
			}
			connection.commit();
		}
	}

	/** A publication as stored: what identifies its occurrence, and its status. */
	record Publication(long id, String occurrenceKey, String status) {
	}

	/** A Quartz trigger as stored. */
	record Trigger(String key, String job, long nextFire, String state) {
	}

	/**
	 * What the test compares before and after the start.
	 *
	 * @param jobs job class names by job key ({@code scheduler/group/name})
	 * @param triggers by trigger key
	 * @param publications by id
	 * @param migrations the versions applied
	 */
	record Snapshot(Map<String, String> jobs, Map<String, Trigger> triggers, Map<Long, Publication> publications,
			List<String> migrations) {
	}

	/** The database under test, reached by JDBC (H2: only while the child is stopped). */
	record Database(String url, String user) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.user, "");
		}

		List<Map<String, Object>> rows(String sql) throws SQLException {
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(sql)) {
				List<Map<String, Object>> result = new ArrayList<>();
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					Map<String, Object> row = new HashMap<>();
					for (int i = 1; i <= columns; i++) {
						row.put(rows.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
								rows.getObject(i));
					}
					result.add(row);
				}
				return result;
			}
		}

		Snapshot snapshot() throws SQLException {
			Map<String, String> jobs = new HashMap<>();
			for (Map<String, Object> row : rows(
					"SELECT sched_name, job_group, job_name, job_class_name FROM qrtz_job_details")) {
				jobs.put(key(row, "job"), (String) row.get("job_class_name"));
			}
			Map<String, Trigger> triggers = new HashMap<>();
			for (Map<String, Object> row : rows("SELECT sched_name, trigger_group, trigger_name, job_group, job_name,"
					+ " next_fire_time, trigger_state FROM qrtz_triggers")) {
				Trigger trigger = new Trigger(key(row, "trigger"), key(row, "job"),
						((Number) row.get("next_fire_time")).longValue(), (String) row.get("trigger_state"));
				triggers.put(trigger.key(), trigger);
			}
			Map<Long, Publication> publications = new HashMap<>();
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT id, item_id, channel, target, occurrence, status FROM publication")) {
				while (rows.next()) {
					Instant occurrence = rows.getObject("occurrence", OffsetDateTime.class).toInstant();
					Publication publication = new Publication(rows.getLong("id"), rows.getString("item_id") + "|"
							+ rows.getString("channel") + "|" + rows.getString("target") + "|" + occurrence,
							rows.getString("status"));
					publications.put(publication.id(), publication);
				}
			}
			List<String> migrations = rows(
					"SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL AND \"success\"")
				.stream()
				.map((row) -> (String) row.get("version"))
				.toList();
			return new Snapshot(jobs, triggers, publications, migrations);
		}

		/**
		 * Moves the expiry of API tokens that have expired since the fixture was made (at
		 * most a year after it) a year ahead of now: the fixture ages, the test must not.
		 */
		void keepApiTokensValid() throws SQLException {
			try (Connection connection = connect();
					PreparedStatement update = connection
						.prepareStatement("UPDATE api_token SET expires_at = ? WHERE expires_at < ?")) {
				OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
				update.setObject(1, now.plusDays(365));
				update.setObject(2, now.plusDays(1));
				update.executeUpdate();
			}
		}

		private static String key(Map<String, Object> row, String kind) {
			return row.get("sched_name") + "/" + row.get(kind + "_group") + "/" + row.get(kind + "_name");
		}

	}

}
