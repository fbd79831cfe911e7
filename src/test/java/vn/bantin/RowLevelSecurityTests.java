package vn.bantin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.system.CurrentCommune;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second wall between communes (PostgreSQL only, migration V31): row-level security
 * on every commune-owned table, keyed on the per-transaction setting
 * {@code bantin.commune} that the application's transaction manager gives each
 * transaction. Whatever a statement forgets to filter (a native query, a JdbcTemplate,
 * work outside any transaction), the database shows it the rows of the commune in scope
 * and nothing else, and lets it write nothing else.
 *
 * <p>
 * The tests commit rows, so they have a database of their own, and run outside the slice
 * test's transaction. They connect as the ordinary role the tests use (a superuser would
 * pass every policy); the fixture is written as the superuser.
 */
@PersistenceTest
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = RowLevelSecurityTests.OwnDatabase.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RowLevelSecurityTests {

	/**
	 * Tables without a commune: province-wide (the staff's sessions too), or Quartz's, or
	 * Flyway's.
	 */
	private static final Set<String> PROVINCE_WIDE = Set.of("app_user", "app_user_grant", "commune", "commune_host",
			"sign_in_failure", "signing_key", "spring_session", "spring_session_attributes", "flyway_schema_history",
			"cluster_node", "cluster_change");

	private static final CurrentCommune.Scope TWO = new CurrentCommune.Scope(2, "hai", ZoneId.of("Asia/Ho_Chi_Minh"));

	private static final CurrentCommune.Scope THREE = new CurrentCommune.Scope(3, "ba", ZoneId.of("Asia/Ho_Chi_Minh"));

	private static String url;

	private static boolean written;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private EntityManager entityManager;

	@BeforeEach
	void writeCommunesOnce() throws SQLException {
		if (written) {
			return;
		}
		try (Connection connection = java.sql.DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(url));
				Statement statement = connection.createStatement()) {
			for (int commune = 2; commune <= 3; commune++) {
				statement.execute("INSERT INTO commune (id, name, short_name, level_name, parent_units, address, phone,"
						+ " email, website_url, signer_title, signer_name, locale_tag, updated_at, version, commune_key,"
						+ " time_zone, configured) VALUES (" + commune + ", 'Xã " + commune + "', '', 'xã', '', '', '',"
						+ " '', '', '', '', 'vi', CURRENT_TIMESTAMP, 0, 'xa-" + commune
						+ "', 'Asia/Ho_Chi_Minh', TRUE)");
			}
			for (int commune = 1; commune <= 3; commune++) {
				for (int n = 1; n <= commune; n++) {
					statement.execute("INSERT INTO subscriber (address, address_key, status, created_at, commune_id)"
							+ " VALUES ('s" + n + "@xa" + commune + ".vn', 's" + n + "@xa" + commune
							+ ".vn', 'CONFIRMED', CURRENT_TIMESTAMP, " + commune + ")");
				}
				String item = (commune == 1) ? "tin" : commune + "~tin";
				statement.execute("INSERT INTO item (id, kind, title, body_markdown, priority, status, channels,"
						+ " search_text, created_at, updated_at, version, commune_id) VALUES ('" + item
						+ "', 'NEWS', 'Tin', '', 'NORMAL', 'DRAFT', 'WEB', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, "
						+ commune + ")");
				statement.execute("INSERT INTO item_theme (item_id, theme_key) VALUES ('" + item + "', 'y-te')");
			}
		}
		written = true;
	}

	@Test
	void theApplicationIsNoSuperuserAndCannotPassThePolicies() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet role = statement
					.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
			assertThat(role.next()).isTrue();
			assertThat(role.getBoolean("rolsuper")).as("superuser").isFalse();
			assertThat(role.getBoolean("rolbypassrls")).as("bypasses row-level security").isFalse();
		}
	}

	/**
	 * Every table is walled or named province-wide here: a new table must say which it
	 * is.
	 */
	@Test
	void everyTableButTheProvinceWideOnesIsWalledEvenForItsOwner() throws SQLException {
		List<String> open = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery("SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
						+ " (SELECT COUNT(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies"
						+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')")) {
			while (tables.next()) {
				String table = tables.getString("relname");
				if (table.startsWith("qrtz_") || PROVINCE_WIDE.contains(table)) {
					continue;
				}
				if (!tables.getBoolean("relrowsecurity") || !tables.getBoolean("relforcerowsecurity")
						|| tables.getInt("policies") == 0) {
					open.add(table);
				}
			}
		}
		assertThat(open).as("tables without forced row-level security").isEmpty();
	}

	@Test
	void withoutTheSettingAStatementSeesNoCommunesRowAndWritesNone() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(setting(connection)).isNullOrEmpty();
			assertThat(count(connection, "subscriber")).isZero();
			assertThat(count(connection, "item")).isZero();
			assertThat(count(connection, "item_theme")).isZero();
			assertThatThrownBy(() -> insertSubscriber(connection, 1)).isInstanceOf(SQLException.class)
				.hasMessageContaining("row-level security");
			try (Statement statement = connection.createStatement()) {
				assertThat(statement.executeUpdate("UPDATE subscriber SET name = 'x'")).isZero();
				assertThat(statement.executeUpdate("DELETE FROM item_theme")).isZero();
			}
		}
	}

	@Test
	void aCommunesSettingShowsThatCommunesRowsOnlyAndWritesOnlyThere() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				set(connection, "2");
				assertThat(communes(connection, "subscriber")).containsExactly(2L);
				assertThat(count(connection, "subscriber")).isEqualTo(2);
				assertThat(communes(connection, "item")).containsExactly(2L);
				assertThat(ids(connection, "SELECT item_id FROM item_theme")).containsExactly("2~tin");
				insertSubscriber(connection, 2);
				assertThatThrownBy(() -> insertSubscriber(connection, 3)).isInstanceOf(SQLException.class)
					.hasMessageContaining("row-level security");
			}
			finally {
				connection.rollback();
			}
			connection.setAutoCommit(false);
			try {
				set(connection, "2");
				// a theme for another commune's item: its owner is not seen
				try (Statement statement = connection.createStatement()) {
					assertThatThrownBy(
							() -> statement.execute("INSERT INTO item_theme (item_id, theme_key) VALUES ('tin', 'x')"))
						.isInstanceOf(SQLException.class)
						.hasMessageContaining("row-level security");
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	@Test
	void theScopeAcrossAllCommunesSeesThemAll() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				set(connection, "*");
				assertThat(communes(connection, "subscriber")).containsExactly(1L, 2L, 3L);
				assertThat(count(connection, "item_theme")).isEqualTo(3);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	@Test
	void aSettingThatIsNoCommuneSeesNothingInsteadOfFailing() throws SQLException {
		for (String value : List.of("0", "-1", "hai", "1 OR true", "99999999999999999999")) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try {
					set(connection, value);
					assertThat(count(connection, "subscriber")).as(value).isZero();
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
		}
	}

	@Test
	void theTransactionManagerTellsEachTransactionItsCommuneAndThePooledConnectionForgetsIt() throws SQLException {
		TransactionTemplate template = new TransactionTemplate(this.transactions);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		Integer[] backend = new Integer[1];
		List<Long> seen = in(TWO, () -> template.execute((status) -> {
			backend[0] = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
			return jdbc.queryForList("SELECT DISTINCT commune_id FROM subscriber", Long.class);
		}));
		assertThat(seen).containsExactly(2L);

		// the same pooled connection, borrowed again outside any transaction
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(backendPid(connection)).as("the pool hands the same connection back").isEqualTo(backend[0]);
			assertThat(setting(connection)).isNullOrEmpty();
			assertThat(count(connection, "subscriber")).isZero();
		}
		// and JdbcTemplate outside a transaction (autocommit) sees nothing either
		assertThat(in(TWO, () -> jdbc.queryForObject("SELECT COUNT(*) FROM subscriber", Long.class))).isZero();
	}

	@Test
	void aNewTransactionInsideAnotherIsToldItsOwnCommune() {
		TransactionTemplate outer = new TransactionTemplate(this.transactions);
		TransactionTemplate inner = new TransactionTemplate(this.transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		List<List<Long>> seen = in(TWO, () -> outer.execute((status) -> {
			List<Long> before = jdbc.queryForList("SELECT DISTINCT commune_id FROM subscriber", Long.class);
			List<Long> inside = in(THREE, () -> inner
				.execute((s) -> jdbc.queryForList("SELECT DISTINCT commune_id FROM subscriber", Long.class)));
			List<Long> after = jdbc.queryForList("SELECT DISTINCT commune_id FROM subscriber", Long.class);
			return List.of(before, inside, after);
		}));
		assertThat(seen).containsExactly(List.of(2L), List.of(3L), List.of(2L));
	}

	@Test
	void aNativeQueryPastHibernatesFilterStillSeesOnlyItsCommune() {
		TransactionTemplate template = new TransactionTemplate(this.transactions);
		List<String> two = in(TWO,
				() -> template.execute((status) -> this.entityManager
					.createNativeQuery("SELECT id FROM item ORDER BY id", String.class)
					.getResultList()));
		assertThat(two).containsExactly("2~tin");
		List<String> all = CurrentCommune.acrossAll(() -> template
			.execute((status) -> this.entityManager.createNativeQuery("SELECT id FROM item ORDER BY id", String.class)
				.getResultList()));
		assertThat(all).containsExactly("2~tin", "3~tin", "tin");
		// without a scope, in a province of one: the default commune
		List<String> one = template
			.execute((status) -> this.entityManager.createNativeQuery("SELECT id FROM item ORDER BY id", String.class)
				.getResultList());
		assertThat(one).containsExactly("tin");
	}

	private static <T> T in(CurrentCommune.Scope scope, Supplier<T> work) {
		return CurrentCommune.call(scope, work);
	}

	private static void set(Connection connection, String value) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('bantin.commune', ?, true)")) {
			statement.setString(1, value);
			statement.execute();
		}
	}

	private static String setting(Connection connection) throws SQLException {
		return ids(connection, "SELECT current_setting('bantin.commune', true)").get(0);
	}

	private static int backendPid(Connection connection) throws SQLException {
		return Integer.parseInt(ids(connection, "SELECT pg_backend_pid()").get(0));
	}

	private static long count(Connection connection, String table) throws SQLException {
		return Long.parseLong(ids(connection, "SELECT COUNT(*) FROM " + table).get(0));
	}

	private static Set<Long> communes(Connection connection, String table) throws SQLException {
		Set<Long> communes = new TreeSet<>();
		ids(connection, "SELECT DISTINCT commune_id FROM " + table).forEach((id) -> communes.add(Long.valueOf(id)));
		return communes;
	}

	private static List<String> ids(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static void insertSubscriber(Connection connection, long commune) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO subscriber (address, address_key, status, created_at, commune_id) VALUES"
					+ " ('neu@xa.vn', 'neu@xa.vn', 'PENDING', CURRENT_TIMESTAMP, " + commune + ")");
		}
	}

	/** A database of this class's own: its rows are committed. */
	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			url = EmbeddedPostgresSupport.newDatabase();
			TestPropertyValues
				.of("spring.datasource.url=" + url, "spring.datasource.username=" + EmbeddedPostgresSupport.USERNAME,
						"spring.datasource.password=")
				.applyTo(context);
		}

	}

}
