package vn.bantin.audio;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.bantin.system.CommuneTenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code radio_audio} table in plain SQL: a small work queue (claimed with an update
 * guarded by the status, so two workers never take the same row) and the record of every
 * processing with its measurements.
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
	 * The communes with processings a stop left half-done, by id: read across every
	 * commune (in {@link vn.bantin.system.CurrentCommune#acrossAll}), to queue them again
	 * each in its own scope.
	 */
	List<Long> communesWithInterrupted() {
		return this.jdbc.queryForList(
				"SELECT DISTINCT commune_id FROM radio_audio WHERE status = 'PROCESSING' ORDER BY commune_id",
				Long.class);
	}

	/** Takes the oldest queued processing of the commune in scope, if there is one. */
	Optional<AudioProcessing> claim() {
		long commune = commune();
		for (Long id : this.jdbc.queryForList(
				"SELECT id FROM radio_audio WHERE status = 'QUEUED' AND commune_id = ? ORDER BY id FETCH FIRST 5 ROWS ONLY",
				Long.class, commune)) {
			int taken = this.jdbc.update("UPDATE radio_audio SET status = 'PROCESSING', stage = 'starting' "
					+ "WHERE id = ? AND status = 'QUEUED' AND commune_id = ?", id, commune);
			if (taken == 1) {
				return find(id);
			}
		}
		return Optional.empty();
	}

	void progress(long id, String stage, int progress) {
		this.jdbc.update(
				"UPDATE radio_audio SET stage = ?, progress = ? WHERE id = ? AND status = 'PROCESSING' AND commune_id = ?",
				stage, progress, id, commune());
	}

	void original(long id, String format, long size, String originalFile) {
		this.jdbc.update(
				"UPDATE radio_audio SET format = ?, original_size = ?, original_file = ? WHERE id = ? AND commune_id = ?",
				format, size, originalFile, id, commune());
	}

	void measured(long id, Duration duration, Loudness loudness) {
		this.jdbc.update(
				"UPDATE radio_audio SET duration_before_ms = ?, loudness_before = ?, true_peak_before = ?, "
						+ "loudness_range = ? WHERE id = ? AND commune_id = ?",
				duration.toMillis(), finite(loudness.integrated()), finite(loudness.truePeak()),
				finite(loudness.range()), id, commune());
	}

	void ready(long id, String broadcastFile, String sha256, AudioPipeline.Result result, Instant at) {
		this.jdbc.update(
				"UPDATE radio_audio SET status = 'READY', progress = 100, stage = 'done', error = NULL, "
						+ "broadcast_file = ?, broadcast_sha256 = ?, duration_after_ms = ?, loudness_after = ?, "
						+ "true_peak_after = ?, normalization = ?, finished_at = ? WHERE id = ? AND commune_id = ?",
				broadcastFile, sha256, result.duration().toMillis(), finite(result.loudness().integrated()),
				finite(result.loudness().truePeak()), result.normalisation(), at(at), id, commune());
	}

	void failed(long id, String error, Instant at) {
		this.jdbc.update("UPDATE radio_audio SET status = 'FAILED', progress = 100, stage = 'failed', error = ?, "
				+ "original_file = NULL, broadcast_file = NULL, finished_at = ? WHERE id = ? AND commune_id = ?",
				truncate(error, 2000), at(at), id, commune());
	}

	/** Puts one processing back in the queue (the application is stopping under it). */
	void requeue(long id) {
		this.jdbc.update("UPDATE radio_audio SET status = 'QUEUED', stage = 'queued', progress = 0 "
				+ "WHERE id = ? AND status = 'PROCESSING' AND commune_id = ?", id, commune());
	}

	/**
	 * Rows of the commune in scope a crash left PROCESSING go back to the queue; returns
	 * how many.
	 */
	int requeueInterrupted() {
		return this.jdbc.update("UPDATE radio_audio SET status = 'QUEUED', stage = 'queued', progress = 0 "
				+ "WHERE status = 'PROCESSING' AND commune_id = ?", commune());
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
