package vn.bantin.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code cluster_node} table in plain SQL. Every time written here is the database's
 * ({@code CURRENT_TIMESTAMP}); statements run outside any transaction (auto-commit), so a
 * heartbeat never waits for other work and is never rolled back with it.
 */
@Repository
class NodeTable {

	private final JdbcTemplate jdbc;

	NodeTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The database's clock, now. */
	Instant now() {
		return this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class).toInstant();
	}

	/**
	 * Writes the node's row as started now: a new row, or the row of its previous life (a
	 * node started again under its old name) taken back.
	 */
	void started(String id, String version, String incarnation) {
		int updated = this.jdbc.update("UPDATE cluster_node SET version = ?, incarnation = ?, "
				+ "started_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP, stopped_at = NULL WHERE id = ?",
				version, incarnation, id);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO cluster_node (id, version, incarnation, started_at, heartbeat_at) "
					+ "VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, version, incarnation);
		}
	}

	/**
	 * The node's heartbeat; false when its row now belongs to another incarnation (a
	 * second node started under the same name) or is gone (deleted by hand).
	 */
	boolean beat(String id, String incarnation) {
		return this.jdbc.update("UPDATE cluster_node SET heartbeat_at = CURRENT_TIMESTAMP, stopped_at = NULL "
				+ "WHERE id = ? AND incarnation = ?", id, incarnation) == 1;
	}

	/** The node left cleanly: gone at once, its work is not waited for. */
	void stopped(String id, String incarnation) {
		this.jdbc.update("UPDATE cluster_node SET stopped_at = CURRENT_TIMESTAMP WHERE id = ? AND incarnation = ?", id,
				incarnation);
	}

	/** Every node, by name. */
	List<Row> all() {
		return this.jdbc.query("SELECT id, version, started_at, heartbeat_at, stopped_at FROM cluster_node ORDER BY id",
				NodeTable::row);
	}

	/** Whether the named node has beaten since {@code since} and not left. */
	boolean alive(String id, Instant since) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM cluster_node WHERE id = ? AND stopped_at IS NULL AND heartbeat_at >= ?",
				Integer.class, id, at(since));
		return count != null && count > 0;
	}

	/** Forgets nodes not seen since {@code before}. */
	int forget(Instant before) {
		return this.jdbc.update("DELETE FROM cluster_node WHERE heartbeat_at < ?", at(before));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		OffsetDateTime stopped = rs.getObject("stopped_at", OffsetDateTime.class);
		return new Row(rs.getString("id"), rs.getString("version"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant(),
				(stopped != null) ? stopped.toInstant() : null);
	}

	record Row(String id, String version, Instant startedAt, Instant heartbeatAt, Instant stoppedAt) {

		boolean gone(Instant aliveSince) {
			return this.stoppedAt != null || this.heartbeatAt.isBefore(aliveSince);
		}

	}

}
