package vn.bantin.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

import vn.bantin.system.NodeId;

/**
 * Who shares the database: this node's name, the others' liveness, and the database's
 * clock that liveness and staleness are judged by.
 *
 * <p>
 * The contract for workers that claim rows: write the claim with {@link #databaseNow()}
 * (or {@code CURRENT_TIMESTAMP}) and this node's {@link #self()}; a claim may be taken
 * over when its node is not {@linkplain #alive(String) alive}, or when it is older than
 * the worker's own {@code stale-after} by {@link #databaseNow()}. Never by the
 * application's {@code Clock}: that is the domain's clock, which tests move and which
 * says nothing about whether another machine is still working.
 */
@Component
public class Nodes {

	/**
	 * Between the node and the worker in a claimer's name; never part of a node's name.
	 */
	private static final String CLAIMER_SEPARATOR = "/";

	private final NodeTable table;

	private final NodeId self;

	private final ClusterSettings settings;

	private final String version;

	Nodes(NodeTable table, NodeId self, ClusterSettings settings, Optional<BuildProperties> build) {
		this.table = table;
		this.self = self;
		this.settings = settings;
		this.version = build.map(BuildProperties::getVersion).orElse("dev");
	}

	/** This node's name. */
	public String self() {
		return this.self.value();
	}

	/**
	 * The name one of this node's workers claims rows under: {@code <node>/<worker>},
	 * e.g. {@code web-1:8080/mail-0}. The node's part says whom to ask {@link #alive};
	 * the worker's part keeps two workers of one node apart.
	 * @param worker the worker's own name, unique on this node
	 */
	public String worker(String worker) {
		return self() + CLAIMER_SEPARATOR + worker;
	}

	/**
	 * The node that claimed a row under {@code claimer} (a name from {@link #worker}):
	 * the part before the last {@code /}. A claimer without one (claims from before node
	 * names, or written by hand) is a node of its own name, which no heartbeat knows:
	 * gone.
	 */
	public static String nodeOf(String claimer) {
		int separator = claimer.lastIndexOf(CLAIMER_SEPARATOR);
		return (separator < 0) ? claimer : claimer.substring(0, separator);
	}

	/**
	 * Whether {@code claimer} is one of this node's workers (or of its previous life).
	 */
	public boolean mine(String claimer) {
		return self().equals(nodeOf(claimer));
	}

	/** The database's clock, now: what every node compares heartbeats and claims with. */
	public Instant databaseNow() {
		return this.table.now();
	}

	/** How long a node may miss its heartbeats before it counts as gone. */
	public Duration nodeTimeout() {
		return this.settings.nodeTimeout();
	}

	/**
	 * Whether the named node is alive: it has not left, and its last heartbeat is within
	 * the node timeout of the database's clock. This node is always alive to itself.
	 */
	public boolean alive(String node) {
		if (self().equals(node)) {
			return true;
		}
		return this.table.alive(node, databaseNow().minus(this.settings.nodeTimeout()));
	}

	/**
	 * Every node the table knows, alive or gone, by name; the scheduler role not filled.
	 */
	List<NodeStatus> members() {
		Instant aliveSince = databaseNow().minus(this.settings.nodeTimeout());
		return this.table.all()
			.stream()
			.map((row) -> new NodeStatus(row.id(), row.version(), row.startedAt(), row.heartbeatAt(), row.stoppedAt(),
					row.gone(aliveSince) && !self().equals(row.id()), self().equals(row.id()), null))
			.toList();
	}

	String version() {
		return this.version;
	}

}
