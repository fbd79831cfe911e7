package vn.bantin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps taking rows after the connection that ran the migrations is
 * gone, as in production: Flyway migrates at start over a pooled connection, which the
 * pool closes some time later (after 30 minutes at the latest). H2 2.4.240 kept the
 * migrating session inside every CHECK constraint and, once that session was closed,
 * refused every insert into such a table ("Check constraint invalid"); a full test run
 * met it when the context cache closed the context that had created the shared slice
 * database.
 */
class SchemaOutlivesItsMigrationTests {

	@Test
	void rowsAreCheckedAndStoredAfterTheMigratingConnectionIsClosed() throws SQLException {
		String url = "jdbc:h2:mem:outlives-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (Connection kept = DriverManager.getConnection(url, "bantin", "")) {
			// Flyway opens, uses and closes a connection of its own
			Flyway.configure().dataSource(url, "bantin", "").load().migrate();

			try (Statement statement = kept.createStatement()) {
				statement
					.executeUpdate("INSERT INTO subscriber (commune_id, address, address_key, status, consent_source,"
							+ " consent_at, created_at) VALUES (1, 'lan@example.vn', 'lan@example.vn', 'CONFIRMED', 'test',"
							+ " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
				assertThat(statement.executeQuery("SELECT COUNT(*) FROM subscriber WHERE status = 'CONFIRMED'"))
					.satisfies((rows) -> {
						rows.next();
						assertThat(rows.getInt(1)).isEqualTo(1);
					});
				// and the constraint still refuses what it must
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement
					.executeUpdate("INSERT INTO subscriber (commune_id, address, address_key,"
							+ " status, consent_source, consent_at, created_at) VALUES (1, 'x@example.vn', 'x@example.vn',"
							+ " 'LOST', 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("CK_SUBSCRIBER_STATUS")
					.hasMessageNotContaining("invalid");
			}
		}
	}

}
