package vn.bantin.system;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * Lets each migration see every commune's rows on PostgreSQL.
 *
 * <p>
 * Since V31 row-level security holds the tables' owner too, and Flyway runs the
 * migrations as that owner on a connection no transaction manager has told a commune: a
 * later migration that updates a commune-owned table would silently update no row. So
 * before each migration (inside its transaction, Flyway calls this there) the setting
 * becomes {@code *} for that transaction only; it never outlives it on the pooled
 * connection Flyway borrowed. Spring Boot hands every {@link Callback} bean to Flyway.
 */
@Component
class MigrationsSeeEveryCommune implements Callback {

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			if (!context.getConnection()
				.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgresql")) {
				return;
			}
			try (PreparedStatement statement = context.getConnection()
				.prepareStatement("SELECT set_config(?, '*', true)")) {
				statement.setString(1, CommuneTransactions.SETTING);
				statement.execute();
			}
		}
		catch (SQLException ex) {
			throw new FlywayException("Could not let the migration see every commune", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "bantin: every commune while migrating";
	}

}
