package vn.bantin.cluster;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes this node's row in {@code cluster_node} at start, beats every
 * {@code bantin.cluster.heartbeat}, and marks it stopped when the node stops cleanly (so
 * the others take over its work at once instead of after the timeout).
 *
 * <p>
 * It starts before every worker and stops after them (its phase is lower), so a node is
 * listed before it claims anything and stays alive while its workers give work back. A
 * database that does not answer is logged once per outage and tried again: the node's
 * readiness says the rest.
 */
@Component
class Heartbeat implements SmartLifecycle {

	/** Before the workers ({@code DEFAULT_PHASE - 1}) and the scheduler. */
	static final int PHASE = Integer.MIN_VALUE / 2;

	/** Nodes not seen for this long are forgotten. */
	private static final Duration FORGET_AFTER = Duration.ofDays(7);

	private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

	private final NodeTable table;

	private final Nodes nodes;

	private final ClusterSettings settings;

	private final String incarnation = UUID.randomUUID().toString();

	private final Object pause = new Object();

	private volatile boolean running;

	private boolean failing;

	private boolean refused;

	Heartbeat(NodeTable table, Nodes nodes, ClusterSettings settings) {
		this.table = table;
		this.nodes = nodes;
		this.settings = settings;
	}

	@Override
	public void start() {
		this.table.started(this.nodes.self(), this.nodes.version(), this.incarnation);
		this.table.forget(this.table.now().minus(FORGET_AFTER));
		log.info("Node {} ({}) joined: heartbeat every {} s, others gone after {} s", this.nodes.self(),
				this.nodes.version(), this.settings.heartbeat().toMillis() / 1000.0,
				this.settings.nodeTimeout().toSeconds());
		this.running = true;
		Thread beating = new Thread(this::beat, "cluster-heartbeat");
		beating.setDaemon(true);
		beating.start();
	}

	private void beat() {
		while (this.running) {
			synchronized (this.pause) {
				try {
					this.pause.wait(this.settings.heartbeat().toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			if (!this.running) {
				return;
			}
			beatOnce();
		}
	}

	/** One heartbeat; what went wrong is logged once until it goes right again. */
	void beatOnce() {
		try {
			boolean mine = this.table.beat(this.nodes.self(), this.incarnation);
			if (!mine && !this.refused) {
				log.error("Node name {} is now used by another node (or its row was deleted): "
						+ "give every node its own bantin.node-id", this.nodes.self());
			}
			this.refused = !mine;
			if (this.failing) {
				log.info("Node {}: heartbeat written again", this.nodes.self());
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				log.warn("Node {}: heartbeat not written: {}", this.nodes.self(), ex.toString());
			}
			this.failing = true;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		// woken, never interrupted: an interrupted thread in the embedded database closes
		// it for everyone
		synchronized (this.pause) {
			this.pause.notifyAll();
		}
		try {
			this.table.stopped(this.nodes.self(), this.incarnation);
		}
		catch (RuntimeException ex) {
			log.warn("Node {}: could not mark itself stopped: {}", this.nodes.self(), ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
