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
 * old migrations make on the same server, not a dump of it. The application's role (no
 * superuser) owns the tables, as in production; the rows are loaded, and everything is
 * checked, as the superuser, who sees past row-level security.
 *
 * <p>
 * The database of one commune becomes a province of one with nothing lost: after this
 * code's migrations (run first on their own, so that the application's start adds nothing
 * yet) every table has its rows, every commune-owned row is commune 1's, the identity is
 * commune 1's with the key {@code default}, the roles are held in commune 1, and the
 * application serves the old items.
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
		String url = "jdbc:h2:file:" + dataDir.resolve("db/bantin");
		Database database = new Database(url, "bantin");
		assertStartsOnIt(database, "h2", folder, database, "--bantin.data-dir=" + dataDir);
	}

	@Test
	void postgresDatabaseStartsWithItsTriggersTokensAndPublications(@TempDir Path folder) throws Exception {
		Path dump = folder.resolve("dump");
		unzip("postgres.zip", dump);
		// the application's role owns the tables, as in production; the test looks from
		// outside as the superuser, past row-level security
		Database application = new Database(EmbeddedPostgresSupport.newDatabase(), EmbeddedPostgresSupport.USERNAME);
		Database database = new Database(EmbeddedPostgresSupport.superuserUrl(application.url()),
				EmbeddedPostgresSupport.SUPERUSER);
		restore(dump, application, database);
		List<String> arguments = new ArrayList<>(List.of("--bantin.data-dir=" + folder.resolve("data")));
		arguments.addAll(List.of(EmbeddedPostgresSupport.applicationArguments(application.url())));
		assertStartsOnIt(database, "postgres", folder, application, arguments.toArray(String[]::new));
	}

	private void assertStartsOnIt(Database database, String name, Path folder, Database owner, String... arguments)
			throws Exception {
		Properties fixture = fixture();
		Snapshot before = database.snapshot();
		assertThat(before.jobs()).as("the fixture's Quartz jobs").isNotEmpty();
		assertThat(before.triggers()).as("the fixture's Quartz triggers").isNotEmpty();
		assertThat(before.publications()).as("the fixture's publications").isNotEmpty();
		database.keepApiTokensValid();
		Province before30 = database.province();

		// This code's migrations alone first, as the application's role, so that what
		// they
		// did is seen before the application adds rows of its own (its start reloads the
		// content and fires what was overdue). The application then finds nothing pending
		// and validates the same history.
		Flyway.configure()
			.dataSource(owner.url(), owner.user(), "")
			.locations("classpath:db/migration")
			.load()
			.migrate();
		assertProvinceOfOne(database, owner, before30, name);

		String log;
		Instant stopped;
		try (ChildApplication application = ChildApplication.start(folder, START_TIMEOUT, arguments)) {
			String base = application.baseUrl();
			assertTokensStillWork(base, fixture, name);
			assertPublicationsListed(base, fixture.getProperty(name + ".api-token"), before.publications());
			assertOldItemsServed(base, before30);
			// the start-up sweep has reconciled every trigger and handed over what was
			// overdue, as after downtime
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(120))
				.until(() -> application.output().contains("Scheduler start-up sweep on node"));
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

	/**
	 * The database of one commune became a province of one with nothing lost: every table
	 * has the rows it had (the identity and the roles moved to their new tables), every
	 * commune-owned row is commune 1's, the identity is commune 1's with the key
	 * {@code default}, every role is held in commune 1; on PostgreSQL the application's
	 * role sees them only when a transaction names commune 1.
	 */
	private void assertProvinceOfOne(Database database, Database application, Province before, String name)
			throws SQLException {
		Map<String, Long> after = database.counts();
		before.counts().forEach((table, rows) -> {
			switch (table) {
				case "commune_identity" ->
					assertThat(after).as("the identity, now commune 1").containsEntry("commune", 1L);
				case "app_user_role" ->
					assertThat(after).as("the roles, now grants").containsEntry("app_user_grant", rows);
				default -> assertThat(after).as("rows of %s", table).containsEntry(table, rows);
			}
		});
		List<String> owned = database.communeOwnedTables();
		assertThat(owned).as("tables with a commune")
			.contains("item", "plan", "publication", "subscriber", "mailing", "delivery", "radio_audio", "api_token",
					"calendar_token", "radio_token", "timetable_entry");
		for (String table : owned) {
			assertThat(database.rows("SELECT COUNT(*) AS n FROM " + table + " WHERE commune_id <> 1"))
				.as("rows of %s outside commune 1", table)
				.singleElement()
				.satisfies((row) -> assertThat(((Number) row.get("n")).longValue()).isZero());
		}
		List<Map<String, Object>> communes = database.rows("SELECT id, commune_key, name FROM commune");
		assertThat(communes).as("the communes").singleElement().satisfies((commune) -> {
			assertThat(((Number) commune.get("id")).longValue()).isEqualTo(1L);
			assertThat(commune.get("commune_key")).isEqualTo("default");
			if (before.identity() != null) {
				assertThat(commune.get("name")).isEqualTo(before.identity());
			}
		});
		assertThat(database.rows("SELECT user_id, commune_id, role FROM app_user_grant"))
			.as("the roles, held in commune 1")
			.allSatisfy((grant) -> assertThat(((Number) grant.get("commune_id")).longValue()).isEqualTo(1L))
			.map((grant) -> grant.get("user_id") + ":" + grant.get("role"))
			.containsExactlyInAnyOrderElementsOf(before.roles());
		if (name.equals("postgres")) {
			long items = before.counts().get("item");
			assertThat(items).isPositive();
			try (Connection connection = application.connect(); Statement statement = connection.createStatement()) {
				assertThat(count(statement, "SELECT COUNT(*) FROM item")).as("items seen without a commune").isZero();
				connection.setAutoCommit(false);
				statement.execute("SELECT set_config('bantin.commune', '1', true)");
				assertThat(count(statement, "SELECT COUNT(*) FROM item")).as("items seen in commune 1")
					.isEqualTo(items);
				connection.rollback();
			}
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** The items the old release had published on the web site are still served. */
	private void assertOldItemsServed(String base, Province before) throws Exception {
		assertThat(before.webItems()).as("the fixture's items on the web site").isNotEmpty();
		for (String item : before.webItems()) {
			assertThat(get(base + "/items/" + item, null).statusCode()).as("page of item %s", item).isEqualTo(200);
		}
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
	private static void restore(Path dump, Database application, Database database) throws Exception {
		Flyway.configure()
			.dataSource(application.url(), application.user(), "")
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

	/**
	 * What the migration into a province of one must keep.
	 *
	 * @param counts rows per table (not Quartz's or Flyway's), by lower-case name
	 * @param roles {@code user_id:role} of every role held
	 * @param identity the commune's stored name, if it was stored
	 * @param webItems ids of the items published on the web site
	 */
	record Province(Map<String, Long> counts, List<String> roles, String identity, List<String> webItems) {
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

		/** Rows per table, but Quartz's and Flyway's, by lower-case name. */
		Map<String, Long> counts() throws SQLException {
			List<String> tables = new ArrayList<>();
			try (Connection connection = connect();
					ResultSet rows = connection.getMetaData()
						.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					String table = rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
					if (!table.startsWith("qrtz_") && !table.equals("flyway_schema_history")) {
						tables.add(table);
					}
				}
			}
			Map<String, Long> counts = new HashMap<>();
			for (String table : tables) {
				counts.put(table, ((Number) rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue());
			}
			return counts;
		}

		/** The tables with a column {@code commune_id}, by lower-case name. */
		List<String> communeOwnedTables() throws SQLException {
			List<String> tables = new ArrayList<>();
			try (Connection connection = connect()) {
				for (String column : List.of("commune_id", "COMMUNE_ID")) {
					try (ResultSet rows = connection.getMetaData()
						.getColumns(null, connection.getSchema(), "%", column)) {
						while (rows.next()) {
							tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
						}
					}
				}
			}
			return tables.stream().distinct().sorted().toList();
		}

		/** Before this code's migrations: what the province of one must keep. */
		Province province() throws SQLException {
			List<String> roles = rows("SELECT user_id, role FROM app_user_role").stream()
				.map((row) -> row.get("user_id") + ":" + row.get("role"))
				.toList();
			List<Map<String, Object>> identity = rows("SELECT name FROM commune_identity WHERE id = 1");
			List<String> webItems = rows("SELECT DISTINCT p.item_id FROM publication p JOIN item i ON i.id = p.item_id"
					+ " WHERE p.channel = 'WEB' AND p.status = 'PUBLISHED' AND i.status = 'PUBLISHED'")
				.stream()
				.map((row) -> (String) row.get("item_id"))
				.sorted()
				.toList();
			return new Province(counts(), roles, identity.isEmpty() ? null : (String) identity.get(0).get("name"),
					webItems);
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
