package vn.bantin.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Work that one node at a time may do, whichever node: loading a commune's content
 * folder, reconciling its triggers, the data phase of a start-up. The database
 * arbitrates.
 *
 * <p>
 * On PostgreSQL a lock is a session-level advisory lock ({@code pg_advisory_lock}) taken
 * on a connection of its own and held for the whole work, which may run many transactions
 * of its own (a content folder stores each file in its own transaction, so a
 * transaction-scoped lock would not cover it). Why advisory locks: they lock a name, not
 * rows, so they also cover rows that do not exist yet (the first load of a folder inserts
 * them, and two inserts of one key would otherwise meet in a unique-key failure); and a
 * node that dies while holding one loses its session, which releases the lock at once,
 * with nothing to recover. The work must be repeatable: whoever comes next finds the
 * database as the last holder left it and does only what is still missing.
 *
 * <p>
 * Every lock is also a lock of this JVM (other threads of the node wait the same way),
 * and re-entrant: work already holding a name runs nested work under the same name
 * directly, never on a second connection (which would wait for itself). On other
 * databases (the embedded H2, one node by construction) only the JVM lock is taken.
 *
 * <p>
 * Names are hashed to the 64-bit key PostgreSQL locks (SHA-256, prefixed with
 * {@code bantin:}); two names meeting on one key would only make unrelated work wait.
 */
@Component
public class ClusterLocks {

	private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

	private final DataSource dataSource;

	private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

	private volatile Boolean postgres;

	ClusterLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs {@code work} while no other thread of any node runs work under the same name,
	 * waiting for its turn.
	 * @return what the work returns
	 */
	public <T> T exclusively(String name, Supplier<T> work) {
		try (Held held = hold(name)) {
			return work.get();
		}
	}

	/**
	 * Runs {@code work} while no other thread of any node runs work under the same name.
	 */
	public void exclusively(String name, Runnable work) {
		try (Held held = hold(name)) {
			work.run();
		}
	}

	/**
	 * Takes the lock of {@code name}, waiting for it, until the returned handle is closed
	 * (by the same thread).
	 */
	Held hold(String name) {
		ReentrantLock lock = this.local.computeIfAbsent(name, (key) -> new ReentrantLock());
		lock.lock();
		if (lock.getHoldCount() > 1 || !postgres()) {
			return new Held(lock, null, 0);
		}
		long key = key(name);
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
				statement.setLong(1, key);
				statement.execute();
			}
			return new Held(lock, connection, key);
		}
		catch (SQLException | RuntimeException ex) {
			close(connection);
			lock.unlock();
			throw new IllegalStateException("Could not take the cluster lock '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private boolean postgres() {
		Boolean known = this.postgres;
		if (known == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				known = connection.getMetaData()
					.getDatabaseProductName()
					.toLowerCase(Locale.ROOT)
					.contains("postgresql");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot tell which database this is: " + ex.getMessage(), ex);
			}
			this.postgres = known;
		}
		return known;
	}

	/** The advisory lock key of a name. */
	static long key(String name) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("bantin:" + name).getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < Long.BYTES; i++) {
				key = (key << 8) | (hash[i] & 0xff);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing a lock's connection failed", ex);
			}
		}
	}

	/** A lock held until closed. */
	static final class Held implements AutoCloseable {

		private final ReentrantLock lock;

		private final Connection connection;

		private final long key;

		private Held(ReentrantLock lock, Connection connection, long key) {
			this.lock = lock;
			this.connection = connection;
			this.key = key;
		}

		@Override
		public void close() {
			try {
				if (this.connection != null) {
					try (PreparedStatement statement = this.connection
						.prepareStatement("SELECT pg_advisory_unlock(?)")) {
						statement.setLong(1, this.key);
						statement.execute();
					}
					catch (SQLException ex) {
						// closing the connection below ends the session only when the
						// pool
						// drops it: evict it, so that the lock cannot stay with a pooled
						// session
						log.warn("Could not release a cluster lock ({}); dropping its connection", ex.getMessage());
						abort(this.connection);
					}
				}
			}
			finally {
				ClusterLocks.close(this.connection);
				// a failed start may be closed from another thread: the session is gone
				// with the connection, and a JVM lock held by a thread that moved on
				// holds nothing of the database's
				if (this.lock.isHeldByCurrentThread()) {
					this.lock.unlock();
				}
			}
		}

		private static void abort(Connection connection) {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				log.debug("Aborting a lock's connection failed", ex);
			}
		}

	}

}
