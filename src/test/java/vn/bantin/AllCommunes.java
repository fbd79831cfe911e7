package vn.bantin;

import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
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
