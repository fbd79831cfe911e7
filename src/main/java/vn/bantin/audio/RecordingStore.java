package vn.bantin.audio;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.bantin.system.CommuneTenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code radio_audio} table in plain SQL: a small work queue and the record of every
 * processing with its measurements.
 *
 * <p>
 * <b>Claims.</b> A worker takes a queued row with {@code FOR UPDATE SKIP LOCKED} and an
 * update guarded by the status, under its name ({@code <node>/<worker>},
 * {@code claimed_by}) and the database's time ({@code claimed_at}), which it refreshes
 * while it works. Everything it writes on the row afterwards is guarded by its claim, so
 * a worker whose processing was taken over (its node seemed gone) changes nothing: one
 * row, finished once, by the worker that holds it. Rows of gone or stale claims go back
 * to the queue ({@link #recover}).
 */
@Repository
// every statement in a transaction: on PostgreSQL only a transaction names the commune
// that
// row-level security lets it see (system.CommuneTransactions); outside one it sees no row
@Transactional
class RecordingStore {

	private static final RowMapper<AudioProcessing> ROW = RecordingStore::row;

	private final JdbcTemplate jdbc;

	private final CommuneTenancy tenancy;

	RecordingStore(JdbcTemplate jdbc, CommuneTenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	/** Inserts a processing; returns its id. */
	long insert(String itemId, AudioProcessing.Status status, AudioProcessing.Source source, boolean synthetic,
			String cacheKey, String originalName, String format, Long originalSize, String error, String createdBy,
			Instant createdAt, Integer itemRevision) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		long commune = commune();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"INSERT INTO radio_audio (item_id, status, progress, stage, error, source, synthetic, cache_key, "
							+ "original_name, format, original_size, created_by, created_at, finished_at, item_revision, commune_id) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setLong(16, commune);
			boolean failed = status == AudioProcessing.Status.FAILED;
			statement.setString(1, itemId);
			statement.setString(2, status.name());
			statement.setInt(3, failed ? 100 : 0);
			statement.setString(4, failed ? "failed" : "queued");
			statement.setString(5, truncate(error, 2000));
			statement.setString(6, source.name());
			statement.setBoolean(7, synthetic);
			statement.setString(8, cacheKey);
			statement.setString(9, truncate(originalName, 500));
			statement.setString(10, format);
			statement.setObject(11, originalSize);
			statement.setString(12, createdBy);
			statement.setObject(13, at(createdAt));
			statement.setObject(14, failed ? at(createdAt) : null);
			statement.setObject(15, itemRevision);
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	Optional<AudioProcessing> find(long id) {
		return this.jdbc.query("SELECT * FROM radio_audio WHERE id = ? AND commune_id = ?", ROW, id, commune())
			.stream()
			.findFirst();
	}

	List<AudioProcessing> recent(int limit) {
		return this.jdbc.query(
				"SELECT * FROM radio_audio WHERE commune_id = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
				ROW, commune());
	}

	List<AudioProcessing> forItem(String itemId) {
		return this.jdbc.query("SELECT * FROM radio_audio WHERE item_id = ? AND commune_id = ? ORDER BY id DESC", ROW,
				itemId, commune());
	}

	/**
	 * The newest ready recording of an item that a person made (upload or content file),
	 * among those made for {@code approvedRevision} or an earlier revision: a recording
	 * of a revision not approved yet never airs.
	 */
	Optional<AudioProcessing> latestRecorded(String itemId, int approvedRevision) {
		return this.jdbc
			.query("SELECT * FROM radio_audio WHERE item_id = ? AND status = 'READY' AND synthetic = FALSE "
					+ "AND (item_revision IS NULL OR item_revision <= ?) "
					+ "AND commune_id = ? ORDER BY finished_at DESC, id DESC FETCH FIRST 1 ROWS ONLY", ROW, itemId,
					approvedRevision, commune())
			.stream()
			.findFirst();
	}

	/** The newest processing with a cache key, in any status. */
	Optional<AudioProcessing> byCacheKey(String itemId, String cacheKey) {
		return this.jdbc
			.query("SELECT * FROM radio_audio WHERE item_id = ? AND cache_key = ? AND commune_id = ? ORDER BY id DESC "
					+ "FETCH FIRST 1 ROWS ONLY", ROW, itemId, cacheKey, commune())
			.stream()
			.findFirst();
	}

	/** The newest ready processing with a cache key, whatever item asked for it. */
	Optional<AudioProcessing> readyByCacheKey(String cacheKey) {
		return this.jdbc.query(
				"SELECT * FROM radio_audio WHERE cache_key = ? AND status = 'READY' AND commune_id = ? ORDER BY id DESC "
						+ "FETCH FIRST 1 ROWS ONLY",
				ROW, cacheKey, commune())
			.stream()
			.findFirst();
	}

	/**
	 * The communes with queued processings, by id: the workers' pick, read across every
	 * commune (call it in {@link vn.bantin.system.CurrentCommune#acrossAll}), to choose
	 * whose turn it is.
	 */
	List<Long> communesWithQueued() {
		return this.jdbc.queryForList(
				"SELECT DISTINCT commune_id FROM radio_audio WHERE status = 'QUEUED' ORDER BY commune_id", Long.class);
	}

	/**
	 * Takes the oldest queued processing of the commune in scope for {@code worker}, if
	 * there is one: picked with {@code FOR UPDATE SKIP LOCKED} (claimers on other nodes
	 * skip it rather than wait), taken with an update guarded by the status, dated by the
	 * database's clock. Call in a transaction.
	 */
	Optional<AudioProcessing> claim(String worker) {
		long commune = commune();
		for (Long id : this.jdbc.queryForList("SELECT id FROM radio_audio WHERE status = 'QUEUED' AND commune_id = ? "
				+ "ORDER BY id FETCH FIRST 5 ROWS ONLY FOR UPDATE SKIP LOCKED", Long.class, commune)) {
			int taken = this.jdbc.update("UPDATE radio_audio SET status = 'PROCESSING', stage = 'starting', "
					+ "progress = 0, claimed_by = ?, claimed_at = CURRENT_TIMESTAMP "
					+ "WHERE id = ? AND status = 'QUEUED' AND commune_id = ?", worker, id, commune);
			if (taken == 1) {
				return find(id);
			}
		}
		return Optional.empty();
	}

	/**
	 * Stage and progress of a processing the worker holds, and its claim dated again.
	 * @return whether the worker still holds it
	 */
	boolean progress(long id, String worker, String stage, int progress) {
		return this.jdbc.update(
				"UPDATE radio_audio SET stage = ?, progress = ?, claimed_at = CURRENT_TIMESTAMP "
						+ "WHERE id = ? AND status = 'PROCESSING' AND claimed_by = ? AND commune_id = ?",
				stage, progress, id, worker, commune()) == 1;
	}

	/**
	 * The worker's claim dated again (database's clock), while it works on the
	 * processing.
	 * @return whether the worker still holds it
	 */
	boolean refresh(long id, String worker) {
		return this.jdbc.update(
				"UPDATE radio_audio SET claimed_at = CURRENT_TIMESTAMP "
						+ "WHERE id = ? AND status = 'PROCESSING' AND claimed_by = ? AND commune_id = ?",
				id, worker, commune()) == 1;
	}

	/**
	 * Locks the processing for the rest of the caller's transaction if the worker still
	 * holds it: its files go into place and its row is finished under that lock, so no
	 * recovery or other worker takes it meanwhile (they skip locked rows).
	 * @return whether the worker holds it (and now the lock)
	 */
	boolean lockClaimed(long id, String worker) {
		return !this.jdbc
			.queryForList("SELECT id FROM radio_audio WHERE id = ? AND status = 'PROCESSING' "
					+ "AND claimed_by = ? AND commune_id = ? FOR UPDATE", Long.class, id, worker, commune())
			.isEmpty();
	}

	/**
	 * Every worker that holds a processing, in any commune: a pick across every commune
	 * (in {@link vn.bantin.system.CurrentCommune#acrossAll}), to ask which nodes are
	 * gone.
	 */
	List<String> claimers() {
		return this.jdbc.queryForList("SELECT DISTINCT claimed_by FROM radio_audio WHERE status = 'PROCESSING' "
				+ "AND claimed_by IS NOT NULL ORDER BY claimed_by", String.class);
	}

	/**
	 * The communes with processings to take over (see {@link #recover}): a pick across
	 * every commune (in {@link vn.bantin.system.CurrentCommune#acrossAll}).
	 */
	List<Long> communesToRecover(Instant staleBefore, Collection<String> gone) {
		List<Object> arguments = new ArrayList<>();
		String recoverable = recoverable(staleBefore, gone, arguments);
		return this.jdbc.queryForList(
				"SELECT DISTINCT commune_id FROM radio_audio WHERE " + recoverable + " ORDER BY commune_id", Long.class,
				arguments.toArray());
	}

	/**
	 * Processings of the commune in scope whose worker is gone go back to the queue:
	 * those of the workers named in {@code gone} (their node is gone), those claimed
	 * before {@code staleBefore} by the database's clock (not refreshed: a worker that
	 * stopped moving), and those with no claim (left by a version without claims). A row
	 * a worker is finishing (locked) is skipped. Call in a transaction.
	 * @return how many went back
	 */
	int recover(Instant staleBefore, Collection<String> gone) {
		long commune = commune();
		List<Object> arguments = new ArrayList<>();
		String recoverable = recoverable(staleBefore, gone, arguments);
		arguments.add(commune);
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM radio_audio WHERE " + recoverable
				+ " AND commune_id = ? ORDER BY id FOR UPDATE SKIP LOCKED", Long.class, arguments.toArray());
		int recovered = 0;
		for (Long id : ids) {
			recovered += this.jdbc.update("UPDATE radio_audio SET status = 'QUEUED', stage = 'queued', progress = 0, "
					+ "claimed_by = NULL, claimed_at = NULL WHERE id = ? AND status = 'PROCESSING' AND commune_id = ?",
					id, commune);
		}
		return recovered;
	}

	private static String recoverable(Instant staleBefore, Collection<String> gone, List<Object> arguments) {
		arguments.add(at(staleBefore));
		StringBuilder sql = new StringBuilder(
				"status = 'PROCESSING' AND (claimed_by IS NULL OR claimed_at IS NULL OR claimed_at <= ?");
		if (!gone.isEmpty()) {
			sql.append(" OR claimed_by IN (")
				.append(String.join(", ", Collections.nCopies(gone.size(), "?")))
				.append(')');
			arguments.addAll(gone);
		}
		return sql.append(')').toString();
	}

	void original(long id, String format, long size, String originalFile) {
		this.jdbc.update(
				"UPDATE radio_audio SET format = ?, original_size = ?, original_file = ? WHERE id = ? AND commune_id = ?",
				format, size, originalFile, id, commune());
	}

	/** The original's measurements, while the worker holds the processing. */
	boolean measured(long id, String worker, Duration duration, Loudness loudness) {
		return this.jdbc
			.update("UPDATE radio_audio SET duration_before_ms = ?, loudness_before = ?, true_peak_before = ?, "
					+ "loudness_range = ? WHERE id = ? AND status = 'PROCESSING' AND claimed_by = ? AND commune_id = ?",
					duration.toMillis(), finite(loudness.integrated()), finite(loudness.truePeak()),
					finite(loudness.range()), id, worker, commune()) == 1;
	}

	/**
	 * The processing is ready, finished by the worker that holds it (its claim is
	 * cleared).
	 * @return whether the worker held it
	 */
	boolean ready(long id, String worker, String broadcastFile, String sha256, AudioPipeline.Result result,
			Instant at) {
		return this.jdbc
			.update("UPDATE radio_audio SET status = 'READY', progress = 100, stage = 'done', error = NULL, "
					+ "broadcast_file = ?, broadcast_sha256 = ?, duration_after_ms = ?, loudness_after = ?, "
					+ "true_peak_after = ?, normalization = ?, finished_at = ?, claimed_by = NULL, claimed_at = NULL "
					+ "WHERE id = ? AND status = 'PROCESSING' AND claimed_by = ? AND commune_id = ?", broadcastFile,
					sha256, result.duration().toMillis(), finite(result.loudness().integrated()),
					finite(result.loudness().truePeak()), result.normalisation(), at(at), id, worker, commune()) == 1;
	}

	/**
	 * The processing failed, in the hands of the worker that holds it (its claim is
	 * cleared).
	 * @return whether the worker held it
	 */
	boolean failed(long id, String worker, String error, Instant at) {
		return this.jdbc.update("UPDATE radio_audio SET status = 'FAILED', progress = 100, stage = 'failed', "
				+ "error = ?, original_file = NULL, broadcast_file = NULL, finished_at = ?, claimed_by = NULL, "
				+ "claimed_at = NULL WHERE id = ? AND status = 'PROCESSING' AND claimed_by = ? AND commune_id = ?",
				truncate(error, 2000), at(at), id, worker, commune()) == 1;
	}

	/**
	 * Puts a processing the worker holds back in the queue (the application is stopping
	 * under it).
	 * @return whether the worker held it
	 */
	boolean requeue(long id, String worker) {
		return this.jdbc.update(
				"UPDATE radio_audio SET status = 'QUEUED', stage = 'queued', progress = 0, "
						+ "claimed_by = NULL, claimed_at = NULL "
						+ "WHERE id = ? AND status = 'PROCESSING' AND claimed_by = ? AND commune_id = ?",
				id, worker, commune()) == 1;
	}

	/**
	 * The commune whose rows this store reads and writes: the one in scope (every read,
	 * update and delete says {@code commune_id = ?}; only the workers' picks read across
	 * communes, and say so).
	 */
	private long commune() {
		return this.tenancy.requireCommune();
	}

	private static Double finite(double value) {
		return (Double.isFinite(value)) ? value : null;
	}

	private static String truncate(String text, int length) {
		return (text != null && text.length() > length) ? text.substring(0, length) : text;
	}

	static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC) : null;
	}

	private static AudioProcessing row(ResultSet rs, int number) throws SQLException {
		return new AudioProcessing(rs.getLong("id"), rs.getString("item_id"),
				AudioProcessing.Status.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getString("stage"),
				rs.getString("error"), AudioProcessing.Source.valueOf(rs.getString("source")),
				rs.getBoolean("synthetic"), rs.getString("cache_key"), rs.getString("original_name"),
				rs.getString("format"), (Long) rs.getObject("original_size", Long.class), rs.getString("original_file"),
				rs.getString("broadcast_file"), rs.getString("broadcast_sha256"), millis(rs, "duration_before_ms"),
				millis(rs, "duration_after_ms"), number(rs, "loudness_before"), number(rs, "loudness_after"),
				number(rs, "true_peak_before"), number(rs, "true_peak_after"), number(rs, "loudness_range"),
				rs.getString("normalization"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "finished_at"), (Integer) rs.getObject("item_revision", Integer.class));
	}

	private static Duration millis(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Duration.ofMillis(value);
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
