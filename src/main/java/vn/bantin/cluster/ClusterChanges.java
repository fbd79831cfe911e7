package vn.bantin.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.system.NodeId;

/**
 * Tells the other nodes that something they may keep in memory changed, and tells this
 * node what the others changed ({@link ChangedElsewhere}).
 *
 * <p>
 * <b>How.</b> A version table polled: {@link #announce} writes a row to
 * {@code cluster_change} once the caller's transaction has committed (at once without
 * one; never for a rolled-back change); every {@code bantin.cluster.change-poll} (500 ms)
 * each node reads the rows of the last {@value #WINDOW_SECONDS} seconds by the database's
 * clock and publishes the ones from other nodes it has not seen yet. So a change reaches
 * every node within the poll interval plus a query, well under the 2 s the issue asks
 * for. Reading a window rather than "after the last id" matters: on PostgreSQL identities
 * become visible in commit order, not in id order, so a row with a smaller id can appear
 * after a larger one was read. PostgreSQL's {@code LISTEN/NOTIFY} would push instead of
 * poll, but needs a connection held open per node outside the pool and has no H2
 * equivalent; two small reads a second per node cost nothing by comparison.
 *
 * <p>
 * Rows older than an hour are deleted by whichever node gets there.
 */
@Component
public class ClusterChanges implements SmartLifecycle {

	static final int WINDOW_SECONDS = 10;

	private static final Duration KEEP = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);

	private final JdbcTemplate jdbc;

	private final NodeId self;

	private final ClusterSettings settings;

	private final ApplicationEventPublisher events;

	/**
	 * A transaction of its own for the row: after a commit the caller's connection may
	 * still be bound to the thread, and a write there would join a transaction nobody
	 * commits (Spring's note on {@code afterCommit}).
	 */
	private final TransactionTemplate ownTransaction;

	/**
	 * The rows already seen, with when they were written (forgotten after the window).
	 */
	private final Map<Long, Instant> seen = new LinkedHashMap<>();

	private final Object pause = new Object();

	private volatile boolean running;

	private Instant lastPurge = Instant.MIN;

	private boolean failing;

	ClusterChanges(JdbcTemplate jdbc, NodeId self, ClusterSettings settings, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.self = self;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * Tells every other node that {@code topic} of {@code commune} (0: of all) changed:
	 * once the current transaction commits, or now without one.
	 */
	public void announce(String topic, long commune) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					write(topic, commune);
				}
			});
		}
		else {
			write(topic, commune);
		}
	}

	private void write(String topic, long commune) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(
					"INSERT INTO cluster_change (topic, commune_id, node, changed_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
					topic, commune, this.self.value()));
		}
		catch (RuntimeException ex) {
			// the change itself is committed: a node that misses this hears of it no
			// later
			// than its caches expire by themselves
			log.warn("Could not tell the other nodes that {} of commune {} changed: {}", topic, commune, ex.toString());
		}
	}

	/**
	 * Reads the changes of the last seconds and publishes those of other nodes not seen
	 * yet; returns how many it published.
	 */
	int poll() {
		return poll(true);
	}

	private synchronized int poll(boolean publish) {
		Instant now = this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class).toInstant();
		Instant since = now.minusSeconds(WINDOW_SECONDS);
		List<Change> changes = this.jdbc.query(
				"SELECT id, topic, commune_id, node, changed_at FROM cluster_change WHERE changed_at >= ? ORDER BY id",
				(rs, row) -> new Change(rs.getLong("id"), rs.getString("topic"), rs.getLong("commune_id"),
						rs.getString("node"), rs.getObject("changed_at", OffsetDateTime.class).toInstant()),
				at(since));
		int published = 0;
		for (Change change : changes) {
			if (this.seen.putIfAbsent(change.id(), change.at()) != null || this.self.value().equals(change.node())) {
				continue;
			}
			if (publish) {
				this.events.publishEvent(new ChangedElsewhere(change.topic(), change.commune()));
				published++;
			}
		}
		this.seen.values().removeIf((at) -> at.isBefore(since.minusSeconds(WINDOW_SECONDS)));
		if (now.isAfter(this.lastPurge.plus(Duration.ofMinutes(5)))) {
			this.lastPurge = now;
			this.jdbc.update("DELETE FROM cluster_change WHERE changed_at < ?", at(now.minus(KEEP)));
		}
		return published;
	}

	private void run() {
		while (this.running) {
			synchronized (this.pause) {
				try {
					this.pause.wait(this.settings.changePoll().toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			if (!this.running) {
				return;
			}
			try {
				poll();
				this.failing = false;
			}
			catch (RuntimeException ex) {
				if (!this.failing) {
					log.warn("Could not read the other nodes' changes: {}", ex.toString());
				}
				this.failing = true;
			}
		}
	}

	@Override
	public void start() {
		// what changed before this node started is already in what it loads at start
		try {
			poll(false);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the other nodes' changes: {}", ex.toString());
		}
		this.running = true;
		Thread thread = new Thread(this::run, "cluster-changes");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		// woken, never interrupted (an interrupted thread closes the embedded database)
		synchronized (this.pause) {
			this.pause.notifyAll();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Heartbeat.PHASE + 1;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private record Change(long id, String topic, long commune, String node, Instant at) {
	}

}
