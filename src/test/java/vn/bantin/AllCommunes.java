package vn.bantin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.system.CurrentCommune;

/**
 * A test's look at the database from outside any commune: statements across every
 * commune, in a transaction. On PostgreSQL only a transaction names its commune, and
 * row-level security shows a statement outside one no row; a test checking "what is
 * stored" must see every commune's rows.
 */
public final class AllCommunes {

	private AllCommunes() {
	}

	/**
	 * A JDBC template for a test's own statements outside transactions (fixtures, checks
	 * of what is stored), seeing every commune: on PostgreSQL each connection it borrows
	 * is told {@code bantin.commune = '*'} for as long as it holds it, and reset before
	 * it goes back to the pool, so the application's statements never inherit it.
	 */
	public static JdbcTemplate jdbc(DataSource dataSource) {
		return new JdbcTemplate(new DelegatingDataSource(dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				return seeingAll(super.getConnection());
			}

		});
	}

	private static Connection seeingAll(Connection connection) throws SQLException {
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql")) {
			return connection;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT set_config('bantin.commune', '*', false)");
		}
		return (Connection) Proxy.newProxyInstance(AllCommunes.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close")) {
						try (Statement statement = connection.createStatement()) {
							statement.execute("RESET bantin.commune");
						}
						catch (SQLException ex) {
							// a broken connection is dropped by the pool anyway
						}
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** Runs {@code work} with the application's JDBC template across every commune. */
	public static <T> T sql(ApplicationContext context, Function<JdbcTemplate, T> work) {
		return sql(context.getBean(PlatformTransactionManager.class), context.getBean(JdbcTemplate.class), work);
	}

	/** Runs {@code work} with {@code jdbc} across every commune, in a transaction. */
	public static <T> T sql(PlatformTransactionManager transactions, JdbcTemplate jdbc,
			Function<JdbcTemplate, T> work) {
		return CurrentCommune.acrossAll(() -> new TransactionTemplate(transactions).execute((tx) -> work.apply(jdbc)));
	}

}
