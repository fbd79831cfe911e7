package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The second wall between communes: PostgreSQL's row-level security on every
 * commune-owned table, keyed on the per-transaction setting {@code bantin.commune} that
 * the transaction manager gives every transaction ({@code vn.bantin.system}'s
 * {@code CommuneTransactions}): a commune's id, or {@code *} for the scope across all
 * communes. A statement run without it (a forgotten scope, a query outside any
 * transaction) sees no commune-owned row and can write none, whatever filter its author
 * forgot.
 *
 * <p>
 * Why a Java migration: the policies are PostgreSQL's alone and the embedded H2 has
 * nothing like them, while both databases must keep one and the same migration history (a
 * database moves from H2 to PostgreSQL by export and import, support compares histories,
 * and a version missing on one database would be a trap for the next migration that
 * assumes it). A vendor-specific location ({@code db/vendor/{vendor}}) would make V31
 * exist on PostgreSQL only; this class runs on both, and on any database but PostgreSQL
 * it records itself and changes nothing. It lives in the package {@code db.migration}
 * because Flyway finds Java migrations on its location {@code classpath:db/migration}
 * like SQL files, so every Flyway run (the application, the JPA slice tests, a bare
 * {@code Flyway.configure()}) sees it, without a Spring bean.
 *
 * <p>
 * The policies apply to the table owner too ({@code FORCE}), as the application usually
 * connects as the role that owns its tables; a superuser or a role with {@code BYPASSRLS}
 * passes them all, so production must not connect as one (docs/operations.md).
 *
 * <p>
 * Not walled: the province-wide tables (staff accounts and their grants, the communes and
 * their host names, which are read before any commune is in scope, sign-in failures, the
 * signing key; later the staff's sessions, V34, read before the commune is known) and
 * Quartz's tables (one scheduler for the province).
 */
public class V31__row_level_security extends BaseJavaMigration {

	/** Tables with a {@code commune_id} of their own. */
	static final List<String> COMMUNE_TABLES = List.of("plan", "item", "item_event", "item_revision", "api_token",
			"publication", "calendar_token", "timetable_entry", "subscriber", "subscription", "suppression", "mailing",
			"delivery", "radio_audio", "radio_as_run", "radio_token");

	/**
	 * Collection tables without a commune of their own, by their owner: table, then the
	 * owner's table, then the column naming the owner's id. A row is seen when its owner
	 * is (the owner's policy applies inside the sub-query).
	 */
	static final List<List<String>> OWNED_TABLES = List.of(List.of("item_theme", "item", "item_id"),
			List.of("item_tag", "item", "item_id"), List.of("item_zone", "item", "item_id"),
			List.of("item_attachment", "item", "item_id"), List.of("item_procedure_history", "item", "item_id"),
			List.of("plan_theme", "plan", "plan_id"), List.of("plan_section_entry", "plan", "plan_id"),
			List.of("plan_responsibility", "plan", "plan_id"), List.of("mailing_item", "mailing", "mailing_id"));

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements()) {
				statement.execute(sql);
			}
		}
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		statements().forEach((sql) -> crc.update(sql.getBytes(StandardCharsets.UTF_8)));
		return (int) crc.getValue();
	}

	static List<String> statements() {
		List<String> statements = new ArrayList<>();
		// The commune in scope, or NULL (none, or every commune): never an error,
		// whatever
		// the setting holds, so that a policy cannot fail a statement that should see
		// nothing.
		statements.add("""
				CREATE FUNCTION bantin_commune() RETURNS BIGINT LANGUAGE sql STABLE AS $$
				  SELECT CASE WHEN current_setting('bantin.commune', true) ~ '^[0-9]{1,18}$'
				    THEN current_setting('bantin.commune', true)::BIGINT END
				$$""");
		// Whether the scope is the one across every commune ('*').
		statements.add("""
				CREATE FUNCTION bantin_all_communes() RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
				  SELECT coalesce(current_setting('bantin.commune', true) = '*', false)
				$$""");
		for (String table : COMMUNE_TABLES) {
			wall(statements, table, "bantin_all_communes() OR commune_id = bantin_commune()");
		}
		for (List<String> owned : OWNED_TABLES) {
			String table = owned.get(0);
			String owner = owned.get(1);
			String column = owned.get(2);
			wall(statements, table, "EXISTS (SELECT 1 FROM %s o WHERE o.id = %s.%s)".formatted(owner, table, column));
		}
		return statements;
	}

	private static void wall(List<String> statements, String table, String condition) {
		statements.add("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
		statements.add("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
		statements.add("CREATE POLICY " + table + "_commune ON " + table + " USING (" + condition + ") WITH CHECK ("
				+ condition + ")");
	}

}
