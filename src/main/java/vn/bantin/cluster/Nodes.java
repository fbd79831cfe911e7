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
