package vn.bantin.radio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.bantin.system.CommuneTenancy;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code radio_as_run} table in plain SQL, rows of the commune in scope only (every
 * statement says {@code commune_id = ?}). Instants are written as UTC offset date-times,
 * to the microsecond the column keeps.
 */
@Repository
// every statement in a transaction: on PostgreSQL only a transaction names the commune
// that
// row-level security lets it see (system.CommuneTransactions); outside one it sees no row
@Transactional
class AsRunStore {

	private final JdbcTemplate jdbc;

	private final CommuneTenancy tenancy;

	AsRunStore(JdbcTemplate jdbc, CommuneTenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC) : null;
	}

	Optional<AsRunEntry> byEvent(String eventId) {
		return this.jdbc
			.query("SELECT * FROM radio_as_run WHERE event_id = ? AND commune_id = ?", AsRunStore::entry, eventId,
					this.tenancy.requireCommune())
			.stream()
			.findFirst();
	}

	/** Inserts a row; a duplicate event id fails with a data-integrity exception. */
	void insert(AsRunEntry entry) {
		this.jdbc.update(
				"INSERT INTO radio_as_run (commune_id, event_id, occurrence_id, slot, target, occurrence_start, position, "
						+ "item_id, title, source, started_at, ended_at, outcome, reason, recorded_by, origin, recorded_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				this.tenancy.requireCommune(), entry.eventId(), entry.occurrenceId(), entry.slot(), entry.target(),
				at(entry.occurrenceStart()), entry.position(), entry.itemId(), entry.title(), entry.source().name(),
				at(entry.start()), at(entry.end()), entry.outcome().name(), entry.reason(), entry.by(),
				entry.origin().name(), at(entry.recordedAt()));
	}

	/**
	 * The rows of occurrences starting in {@code [from, to)}, in the order they played.
	 */
	List<AsRunEntry> between(Instant from, Instant to) {
		return this.jdbc.query(
				"SELECT * FROM radio_as_run WHERE commune_id = ? AND occurrence_start >= ? AND occurrence_start < ? "
						+ "ORDER BY occurrence_start, slot, target, started_at, position, id",
				AsRunStore::entry, this.tenancy.requireCommune(), at(from), at(to));
	}

	private static AsRunEntry entry(ResultSet rs, int row) throws SQLException {
		return new AsRunEntry(rs.getLong("id"), rs.getString("event_id"), rs.getString("occurrence_id"),
				rs.getString("slot"), rs.getString("target"), instant(rs, "occurrence_start"), rs.getInt("position"),
				rs.getString("item_id"), rs.getString("title"), AsRunSource.valueOf(rs.getString("source")),
				instant(rs, "started_at"), instant(rs, "ended_at"), AsRunOutcome.valueOf(rs.getString("outcome")),
				rs.getString("reason"), rs.getString("recorded_by"), AsRunOrigin.valueOf(rs.getString("origin")),
				instant(rs, "recorded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
