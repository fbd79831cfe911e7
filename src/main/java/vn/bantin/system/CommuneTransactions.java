package vn.bantin.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Every transaction tells the database which commune it works for.
 *
 * <p>
 * On PostgreSQL each transaction begins with {@code set_config('bantin.commune', id,
 * true)}: a setting local to the transaction, so that it never outlives it on a pooled
 * connection. The row-level security policies of the commune-owned tables compare their
 * {@code commune_id} with it: a query run without it (a forgotten scope, a hand-written
 * statement outside a transaction) sees no row and can write none. {@code *} stands for
 * the scope across all communes. Other databases (the embedded H2) have no such wall;
 * Hibernate's tenant filter is the first and there the only one.
 */
@Configuration(proxyBeanMethods = false)
class CommuneTransactions {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommuneTransactions.class);

	/** The setting the policies read. */
	static final String SETTING = "bantin.commune";

	@Bean
	PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			CommuneTenancy tenancy, ObjectProvider<TransactionManagerCustomizers> customizers) {
		boolean postgres = isPostgres(dataSource);
		JpaTransactionManager manager = new JpaTransactionManager(entityManagerFactory) {

			@Override
			protected void doBegin(Object transaction, TransactionDefinition definition) {
				super.doBegin(transaction, definition);
				if (postgres) {
					tell(DataSourceUtils.getConnection(getDataSource()), tenancy);
				}
			}

		};
		customizers.ifAvailable((c) -> c.customize(manager));
		return manager;
	}

	private static void tell(Connection connection, CommuneTenancy tenancy) {
		long commune = tenancy.commune();
		String value = (commune == CurrentCommune.ALL) ? "*" : Long.toString(commune);
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
			statement.setString(1, SETTING);
			statement.setString(2, value);
			statement.execute();
		}
		catch (SQLException ex) {
			throw new CannotCreateTransactionException("Could not tell the database the commune in scope", ex);
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgresql");
			if (postgres) {
				warnIfPastThePolicies(connection);
			}
			return postgres;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * A superuser, or a role with {@code BYPASSRLS}, passes every row-level security
	 * policy: the second wall would not be there, and nothing else would show it.
	 */
	private static void warnIfPastThePolicies(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
				java.sql.ResultSet role = statement.executeQuery()) {
			if (role.next() && (role.getBoolean("rolsuper") || role.getBoolean("rolbypassrls"))) {
				LOG.warn(
						"The database role {} is a superuser or bypasses row-level security: the database does"
								+ " not keep the communes apart (docs/operations.md, \"The database role\")",
						role.getString(1));
			}
		}
	}

}
