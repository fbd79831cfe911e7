package vn.bantin.account;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Where the staff's sessions live, and how Spring Security finds a user's sessions to end
 * them ({@link SignedInSessions}).
 *
 * <p>
 * On the embedded database (one node) they live in the node's memory, Tomcat's sessions,
 * and Spring Security's own registry knows them, told of every session's end by
 * {@link HttpSessionEventPublisher}. On the {@code postgres} profile (several nodes on
 * one database) they live in the database (Spring Session JDBC, tables of migration V34,
 * turned on by {@code application-postgres.yml}): any node serves any signed-in request,
 * with its CSRF token, saved request and flash messages, and a node that dies signs
 * nobody out. A node's memory then knows only a part of a user's sessions, so the
 * registry asks the database instead ({@link SpringSessionBackedSessionRegistry}, by the
 * principal name Spring Session keeps in a column of its own): a session ended by a
 * request on one node is marked expired in its row, and every node refuses it from the
 * next request on.
 *
 * <p>
 * Every node also deletes the expired sessions now and then (Spring Session's cleanup,
 * {@code spring.session.jdbc.cleanup-cron}, every minute): a single
 * {@code DELETE ... WHERE EXPIRY_TIME < now}, so that nodes doing it at the same moment
 * only delete the same rows once (the second waits for the first's row locks, then finds
 * them gone); no node has to be the one that cleans up, and no lock is needed. A session
 * past its expiry is never used meanwhile: reading it checks the expiry and deletes it.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessions {

	/**
	 * The database's registry when the sessions are in the database, else Spring
	 * Security's in memory.
	 */
	@Bean
	SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<?>> database) {
		FindByIndexNameSessionRepository<?> repository = database.getIfAvailable();
		return (repository != null) ? backedBy(repository) : new SessionRegistryImpl();
	}

	/**
	 * Tells the in-memory registry when sessions end, so that it does not grow forever
	 * (sessions in the database need no telling).
	 */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * On PostgreSQL, writes a session's attribute with {@code INSERT ... ON CONFLICT DO
	 * UPDATE}: two requests of one session at the same time (two tabs, or two nodes)
	 * adding the same attribute would otherwise collide on its primary key, and one of
	 * them would fail. The statement is PostgreSQL's, so another database keeps the
	 * default.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionAttributes(DataSource dataSource) {
		return (repository) -> {
			if (isPostgres(dataSource)) {
				new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
			}
		};
	}

	private static <S extends Session> SessionRegistry backedBy(FindByIndexNameSessionRepository<S> repository) {
		return new SpringSessionBackedSessionRegistry<>(repository);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell which database holds the sessions", ex);
		}
	}

}
