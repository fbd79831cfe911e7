package vn.bantin.mailing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.bantin.system.CommuneTenancy;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.subscription.Audience;

/**
 * The mailing and delivery tables, in plain SQL, of the commune in scope: every statement
 * names it (plain SQL is not filtered by the tenant), except the dispatcher's picks of
 * the communes with work, which read across communes and say so. The delivery rows are a
 * work queue (claimed in batches, updated one by one with guards on their status), which
 * SQL says more plainly than entities. Every method runs in the caller's transaction.
 *
 * <p>
 * <b>Claiming.</b> {@link #claim} selects due rows with {@code FOR UPDATE SKIP LOCKED}
 * (PostgreSQL and H2 2.x both accept it), so two claimers never wait for each other, and
 * then takes each with an update guarded by its status: a row another claimer took in
 * between is not counted, so no row is ever given to two claimers, whatever the
 * database's locking does.
 */
@Repository
// every statement in a transaction: on PostgreSQL only a transaction names the commune
// that
// row-level security lets it see (system.CommuneTransactions); outside one it sees no row
@Transactional
class MailingStore {

	/**
	 * The hold of a mailing whose item is no longer approved as the mailing carries it.
	 */
	static final String ITEM_NOT_APPROVED = "item-not-approved";

	/**
	 * A mailing_item row's mailing is one of the commune's (the table has no commune of
	 * its own: its mailing's id is unique in the province); argument: the commune.
	 */
	private static final String OWN_MAILING = "EXISTS (SELECT 1 FROM mailing o WHERE o.id = mailing_id AND o.commune_id = ?)";

	/** No open delivery left for the mailing of the outer row. */
	private static final String FINISHED = "NOT EXISTS (SELECT 1 FROM delivery d WHERE d.mailing_id = mailing.id "
			+ "AND d.status IN ('PENDING', 'CLAIMED', 'SENDING', 'RETRY'))";

	private static final String DUE = "(d.status = 'PENDING' OR (d.status = 'RETRY' AND d.next_attempt_at <= ?))";

	private final JdbcTemplate jdbc;

	private final CommuneTenancy tenancy;

	MailingStore(JdbcTemplate jdbc, CommuneTenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	Optional<Long> findByOrigin(String originKey) {
		return this.jdbc
			.queryForList("SELECT id FROM mailing WHERE origin_key = ? AND commune_id = ?", Long.class, originKey,
					commune())
			.stream()
			.findFirst();
	}

	/**
	 * Inserts a mailing with its items and the approval of each it carries; returns its
	 * id.
	 * @param againReason why a person sends an item to a list that already had it, or
	 * null
	 * @param held the items that are not approved as the mailing carries them: when any,
	 * the mailing is made held (paused, with the reason {@link #ITEM_NOT_APPROVED})
	 */
	long insertMailing(String listKey, MailingKind kind, String originKey, String subject, Instant createdAt,
			String createdBy, List<CarriedItem> items, String againReason, List<String> held) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		long commune = commune();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"INSERT INTO mailing (list_key, kind, origin_key, subject, status, created_at, created_by, version, "
							+ "again_reason, held_reason, held_items, held_at, commune_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setLong(12, commune);
			statement.setString(1, listKey);
			statement.setString(2, kind.name());
			statement.setString(3, originKey);
			statement.setString(4, truncate(subject, 500));
			statement.setString(5, (held.isEmpty() ? MailingStatus.RUNNING : MailingStatus.PAUSED).name());
			statement.setObject(6, at(createdAt));
			statement.setString(7, createdBy);
			statement.setString(8, truncate(againReason, 1000));
			statement.setString(9, held.isEmpty() ? null : ITEM_NOT_APPROVED);
			statement.setString(10, held.isEmpty() ? null : joined(held));
			statement.setObject(11, held.isEmpty() ? null : at(createdAt));
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			rows.add(new Object[] { id, i, items.get(i).itemId(), at(items.get(i).approvedAt()) });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO mailing_item (mailing_id, ordinal, item_id, approved_at) VALUES (?, ?, ?, ?)", rows);
		return id;
	}

	/** Inserts a mailing (not held, not sent again) with its items; returns its id. */
	long insertMailing(String listKey, MailingKind kind, String originKey, String subject, Instant createdAt,
			String createdBy, List<String> itemIds) {
		return insertMailing(listKey, kind, originKey, subject, createdAt, createdBy,
				itemIds.stream().map((item) -> new CarriedItem(item, null)).toList(), null, List.of());
	}

	/** Inserts one pending delivery per recipient, in batches. */
	void insertDeliveries(long mailingId, List<Audience.Recipient> recipients) {
		long commune = commune();
		this.jdbc.batchUpdate(
				"INSERT INTO delivery (mailing_id, subscriber_id, address, name, status, attempts, commune_id) "
						+ "SELECT id, ?, ?, ?, 'PENDING', 0, commune_id FROM mailing WHERE id = ? AND commune_id = ?",
				recipients, 1000, (statement, recipient) -> {
					statement.setLong(4, mailingId);
					statement.setLong(5, commune);
					statement.setLong(1, recipient.id());
					statement.setString(2, recipient.address());
					if (recipient.name() != null) {
						statement.setString(3, truncate(recipient.name(), 200));
					}
					else {
						statement.setNull(3, Types.VARCHAR);
					}
				});
	}

	Optional<MailingRow> mailing(long id) {
		return this.jdbc.query("SELECT * FROM mailing WHERE id = ? AND commune_id = ?", this::mailingRow, id, commune())
			.stream()
			.findFirst();
	}

	/** The latest mailings first. */
	List<MailingRow> latest(int offset, int limit) {
		return this.jdbc.query(
				"SELECT * FROM mailing WHERE commune_id = ? ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				this::mailingRow, commune(), offset, limit);
	}

	long countMailings() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM mailing WHERE commune_id = ?", Long.class,
				commune());
		return (count != null) ? count : 0;
	}

	/** Whether the item already has a mailing to the list. */
	boolean itemMailed(String itemId, String listKey) {
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM mailing_item i JOIN mailing m ON m.id = i.mailing_id WHERE i.item_id = ? AND m.list_key = ? "
						+ "AND m.commune_id = ?",
				Long.class, itemId, listKey, commune());
		return count != null && count > 0;
	}

	List<String> items(long mailingId) {
		return this.jdbc.queryForList(
				"SELECT item_id FROM mailing_item WHERE mailing_id = ? AND " + OWN_MAILING + " ORDER BY ordinal",
				String.class, mailingId, commune());
	}

	/** The items a mailing carries, in order, with the approval of each it carries. */
	List<CarriedItem> carried(long mailingId) {
		return this.jdbc.query(
				"SELECT item_id, approved_at FROM mailing_item WHERE mailing_id = ? AND " + OWN_MAILING
						+ " ORDER BY ordinal",
				(rs, row) -> new CarriedItem(rs.getString("item_id"), instant(rs, "approved_at")), mailingId,
				commune());
	}

	/**
	 * Holds a running mailing: paused, with the reason and the items concerned, so that a
	 * person decides. Only a running mailing is held.
	 * @return whether it was held by this call
	 */
	boolean hold(long mailingId, String reason, List<String> itemIds, Instant now) {
		return this.jdbc.update(
				"UPDATE mailing SET status = 'PAUSED', held_reason = ?, held_items = ?, held_at = ?, "
						+ "version = version + 1 WHERE id = ? AND status = 'RUNNING' AND commune_id = ?",
				reason, truncate(joined(itemIds), 1000), at(now), mailingId, commune()) == 1;
	}

	/**
	 * Resumes a paused mailing, carrying from now on the approvals given (those of its
	 * items as they stand now, which a person has just accepted), and clears its hold.
	 * @return whether it was resumed
	 */
	boolean resume(long mailingId, List<CarriedItem> approvals) {
		boolean resumed = this.jdbc
			.update("UPDATE mailing SET status = 'RUNNING', held_reason = NULL, held_items = NULL, held_at = NULL, "
					+ "completed_at = NULL, version = version + 1 WHERE id = ? AND status = 'PAUSED' AND commune_id = ?",
					mailingId, commune()) == 1;
		if (resumed) {
			for (CarriedItem item : approvals) {
				this.jdbc.update("UPDATE mailing_item SET approved_at = ? WHERE mailing_id = ? AND item_id = ? AND "
						+ OWN_MAILING, at(item.approvedAt()), mailingId, item.itemId(), commune());
			}
		}
		return resumed;
	}

	/**
	 * Cancels a running or paused mailing: it is cancelled, and its deliveries not sent
	 * yet (pending, claimed, waiting for a retry) are skipped with the note; one being
	 * handed to the server keeps its outcome.
	 * @return how many deliveries were skipped, or -1 when the mailing was not running or
	 * paused
	 */
	int cancel(long mailingId, Instant now, String note) {
		int changed = this.jdbc.update(
				"UPDATE mailing SET status = 'CANCELLED', completed_at = ?, version = version + 1 "
						+ "WHERE id = ? AND status IN ('RUNNING', 'PAUSED') AND commune_id = ?",
				at(now), mailingId, commune());
		if (changed != 1) {
			return -1;
		}
		return this.jdbc.update(
				"UPDATE delivery SET status = 'SKIPPED', last_answer = ?, claimed_by = NULL, claimed_at = NULL "
						+ "WHERE mailing_id = ? AND status IN ('PENDING', 'CLAIMED', 'RETRY') AND commune_id = ?",
				truncate(note, 1000), mailingId, commune());
	}

	Map<DeliveryStatus, Long> counts(long mailingId) {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.query(
				"SELECT status, COUNT(*) AS n FROM delivery WHERE mailing_id = ? AND commune_id = ? GROUP BY status",
				(ResultSet rs) -> {
					counts.put(DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n"));
				}, mailingId, commune());
		return counts;
	}

	List<DeliveryRow> deliveries(long mailingId, DeliveryStatus status, int offset, int limit) {
		if (status == null) {
			return this.jdbc.query(
					"SELECT * FROM delivery WHERE mailing_id = ? AND commune_id = ? ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
					this::deliveryRow, mailingId, commune(), offset, limit);
		}
		return this.jdbc.query(
				"SELECT * FROM delivery WHERE mailing_id = ? AND status = ? AND commune_id = ? ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				this::deliveryRow, mailingId, status.name(), commune(), offset, limit);
	}

	long countDeliveries(long mailingId, DeliveryStatus status) {
		Long count = (status == null)
				? this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE mailing_id = ? AND commune_id = ?",
						Long.class, mailingId, commune())
				: this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM delivery WHERE mailing_id = ? AND status = ? AND commune_id = ?",
						Long.class, mailingId, status.name(), commune());
		return (count != null) ? count : 0;
	}

	Optional<DeliveryRow> delivery(long id) {
		return this.jdbc
			.query("SELECT * FROM delivery WHERE id = ? AND commune_id = ?", this::deliveryRow, id, commune())
			.stream()
			.findFirst();
	}

	/**
	 * The communes with due deliveries of running mailings: the dispatcher's pick, read
	 * across every commune (call it in
	 * {@link vn.bantin.system.CurrentCommune#acrossAll}).
	 */
	List<Long> communesWithDue(Instant now) {
		return this.jdbc.queryForList("SELECT DISTINCT d.commune_id FROM delivery d WHERE " + DUE
				+ " AND d.mailing_id IN (SELECT m.id FROM mailing m WHERE m.status = 'RUNNING') ORDER BY d.commune_id",
				Long.class, at(now));
	}

	/**
	 * Claims up to {@code limit} due deliveries of running mailings of the commune in
	 * scope for {@code worker}: pending ones, and retries whose time has come by the
	 * domain's clock ({@code now}). The claim is dated by the database's clock
	 * ({@code CURRENT_TIMESTAMP}), which every node judges staleness by. Call in a
	 * transaction.
	 */
	List<DeliveryRow> claim(String worker, Instant now, int limit) {
		long commune = commune();
		List<Long> candidates = this.jdbc.queryForList("SELECT d.id FROM delivery d WHERE d.commune_id = ? AND " + DUE
				+ " AND d.mailing_id IN (SELECT m.id FROM mailing m WHERE m.status = 'RUNNING' AND m.commune_id = ?)"
				+ " ORDER BY d.id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", Long.class, commune, at(now),
				commune, limit);
		if (candidates.isEmpty()) {
			return List.of();
		}
		List<Long> claimed = new ArrayList<>();
		for (Long id : candidates) {
			int taken = this.jdbc.update(
					"UPDATE delivery SET status = 'CLAIMED', claimed_by = ?, claimed_at = CURRENT_TIMESTAMP "
							+ "WHERE id = ? AND (status = 'PENDING' OR status = 'RETRY') AND commune_id = ?",
					worker, id, commune);
			if (taken == 1) {
				claimed.add(id);
			}
		}
		if (claimed.isEmpty()) {
			return List.of();
		}
		List<Object> arguments = new ArrayList<>(claimed);
		arguments.add(commune);
		return this.jdbc.query(
				"SELECT * FROM delivery WHERE id IN (" + placeholders(claimed) + ") AND commune_id = ? ORDER BY id",
				this::deliveryRow, arguments.toArray());
	}

	/**
	 * The worker that claimed the row is about to hand it to the server: marks it sending
	 * with its Message-ID, only while it is still claimed by that worker and its mailing
	 * still runs. The claim is dated again (database's clock): staleness counts from the
	 * hand-over.
	 */
	boolean markSending(long id, String worker, String messageId) {
		return this.jdbc.update("UPDATE delivery SET status = 'SENDING', claimed_at = CURRENT_TIMESTAMP, "
				+ "message_id = ? WHERE id = ? AND status = 'CLAIMED' AND claimed_by = ? "
				+ "AND commune_id = ? AND mailing_id IN (SELECT m.id FROM mailing m WHERE m.status = 'RUNNING')",
				messageId, id, worker, commune()) == 1;
	}

	/**
	 * Gives a claimed row back (its mailing was paused): pending again, not attempted.
	 */
	void release(long id, String worker) {
		this.jdbc.update(
				"UPDATE delivery SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL "
						+ "WHERE id = ? AND status = 'CLAIMED' AND claimed_by = ? AND commune_id = ?",
				id, worker, commune());
	}

	/**
	 * The communes where a worker holds claimed rows: a pick across every commune (in
	 * {@link vn.bantin.system.CurrentCommune#acrossAll}).
	 */
	List<Long> communesClaimedBy(String worker) {
		return this.jdbc.queryForList(
				"SELECT DISTINCT commune_id FROM delivery WHERE status = 'CLAIMED' AND claimed_by = ? ORDER BY commune_id",
				Long.class, worker);
	}

	/**
	 * Gives back every row of the commune in scope a worker claimed and did not attempt;
	 * returns how many.
	 */
	int releaseAll(String worker) {
		return this.jdbc.update("UPDATE delivery SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL "
				+ "WHERE status = 'CLAIMED' AND claimed_by = ? AND commune_id = ?", worker, commune());
	}

	/** Stores the outcome of a row the worker claimed (CLAIMED or SENDING). */
	boolean settle(long id, String worker, DeliveryStatus status, int attempts, Instant nextAttemptAt, String answer,
			Instant sentAt) {
		return this.jdbc.update(
				"UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_answer = ?, "
						+ "sent_at = ?, claimed_by = NULL, claimed_at = NULL "
						+ "WHERE id = ? AND status IN ('CLAIMED', 'SENDING') AND claimed_by = ? AND commune_id = ?",
				status.name(), attempts, at(nextAttemptAt), truncate(answer, 1000), at(sentAt), id, worker,
				commune()) == 1;
	}

	/**
	 * Every worker that holds claimed or sending rows, in any commune: a pick across
	 * every commune (in {@link vn.bantin.system.CurrentCommune#acrossAll}), for the
	 * dispatcher to ask which of their nodes are gone.
	 */
	List<String> claimers() {
		return this.jdbc.queryForList("SELECT DISTINCT claimed_by FROM delivery WHERE status IN ('CLAIMED', 'SENDING') "
				+ "AND claimed_by IS NOT NULL ORDER BY claimed_by", String.class);
	}

	/**
	 * The communes with rows to recover (see {@link #recover(Instant, Collection)}): a
	 * pick across every commune (in {@link vn.bantin.system.CurrentCommune#acrossAll}).
	 */
	List<Long> communesToRecover(Instant staleBefore, Collection<String> gone) {
		List<Object> arguments = new ArrayList<>();
		String recoverable = recoverable(staleBefore, gone, arguments);
		return this.jdbc.queryForList("SELECT DISTINCT commune_id FROM delivery WHERE status IN ('CLAIMED', 'SENDING') "
				+ "AND " + recoverable + " ORDER BY commune_id", Long.class, arguments.toArray());
	}

	/** The communes with rows claimed before {@code staleBefore}. */
	List<Long> communesToRecover(Instant staleBefore) {
		return communesToRecover(staleBefore, List.of());
	}

	/**
	 * Rows of the commune in scope whose worker is gone: those of the workers named in
	 * {@code gone} (their node is gone), and any claimed before {@code staleBefore} by
	 * the database's clock (a worker that stopped moving). Claimed ones go back to
	 * pending (never attempted), sending ones become uncertain (never sent again by
	 * themselves).
	 * @return how many rows were changed (pending, uncertain)
	 */
	int[] recover(Instant staleBefore, Collection<String> gone) {
		long commune = commune();
		List<Object> arguments = new ArrayList<>();
		String recoverable = recoverable(staleBefore, gone, arguments);
		arguments.add(commune);
		int pending = this.jdbc.update("UPDATE delivery SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL "
				+ "WHERE status = 'CLAIMED' AND " + recoverable + " AND commune_id = ?", arguments.toArray());
		int uncertain = this.jdbc
			.update("UPDATE delivery SET status = 'UNCERTAIN', claimed_by = NULL, claimed_at = NULL, "
					+ "last_answer = 'interrupted while sending (the application stopped): it may or may not have gone out' "
					+ "WHERE status = 'SENDING' AND " + recoverable + " AND commune_id = ?", arguments.toArray());
		return new int[] { pending, uncertain };
	}

	/** Rows of the commune in scope claimed before {@code staleBefore}, recovered. */
	int[] recover(Instant staleBefore) {
		return recover(staleBefore, List.of());
	}

	private static String recoverable(Instant staleBefore, Collection<String> gone, List<Object> arguments) {
		arguments.add(at(staleBefore));
		if (gone.isEmpty()) {
			return "claimed_at <= ?";
		}
		arguments.addAll(gone);
		return "(claimed_at <= ? OR claimed_by IN (" + placeholders(gone) + "))";
	}

	/**
	 * The communes with running mailings that have no open delivery left: a pick across
	 * every commune (in {@link vn.bantin.system.CurrentCommune#acrossAll}).
	 */
	List<Long> communesToComplete() {
		return this.jdbc.queryForList("SELECT DISTINCT commune_id FROM mailing WHERE status = 'RUNNING' AND " + FINISHED
				+ " ORDER BY commune_id", Long.class);
	}

	/**
	 * Completes the running mailings of the commune in scope with no open delivery left;
	 * returns their number.
	 */
	int completeFinished(Instant now) {
		return this.jdbc.update("UPDATE mailing SET status = 'COMPLETED', completed_at = ?, version = version + 1 "
				+ "WHERE status = 'RUNNING' AND commune_id = ? AND " + FINISHED, at(now), commune());
	}

	boolean changeStatus(long mailingId, MailingStatus from, MailingStatus to) {
		return this.jdbc.update(
				"UPDATE mailing SET status = ?, completed_at = NULL, version = version + 1 WHERE id = ? AND status = ? "
						+ "AND commune_id = ?",
				to.name(), mailingId, from.name(), commune()) == 1;
	}

	/** Failed rows of a mailing pending again with no attempts; returns how many. */
	int retryFailed(long mailingId) {
		return this.jdbc.update("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = NULL "
				+ "WHERE mailing_id = ? AND status = 'FAILED' AND commune_id = ?", mailingId, commune());
	}

	/** An uncertain row pending again (a person chose to send it again). */
	boolean sendAgain(long mailingId, long deliveryId) {
		return this.jdbc.update(
				"UPDATE delivery SET status = 'PENDING', next_attempt_at = NULL "
						+ "WHERE id = ? AND mailing_id = ? AND status = 'UNCERTAIN' AND commune_id = ?",
				deliveryId, mailingId, commune()) == 1;
	}

	/** An uncertain row marked sent by a person (who knows it arrived). */
	boolean markSentByHand(long mailingId, long deliveryId, Instant now, String note) {
		return this.jdbc.update(
				"UPDATE delivery SET status = 'SENT', sent_at = ?, last_answer = ? "
						+ "WHERE id = ? AND mailing_id = ? AND status = 'UNCERTAIN' AND commune_id = ?",
				at(now), truncate(note, 1000), deliveryId, mailingId, commune()) == 1;
	}

	/**
	 * The commune whose mailings and deliveries this store reads and writes: the one in
	 * scope. Every statement names it; only the dispatcher's picks ({@code communes...})
	 * read across communes.
	 */
	private long commune() {
		return this.tenancy.requireCommune();
	}

	private MailingRow mailingRow(ResultSet rs, int row) throws SQLException {
		String heldItems = rs.getString("held_items");
		return new MailingRow(rs.getLong("id"), rs.getString("list_key"), MailingKind.valueOf(rs.getString("kind")),
				rs.getString("origin_key"), rs.getString("subject"), MailingStatus.valueOf(rs.getString("status")),
				instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "completed_at"),
				rs.getString("again_reason"), rs.getString("held_reason"),
				(heldItems != null && !heldItems.isEmpty()) ? List.of(heldItems.split(",")) : List.of(),
				instant(rs, "held_at"));
	}

	private static String joined(List<String> itemIds) {
		return String.join(",", itemIds);
	}

	private DeliveryRow deliveryRow(ResultSet rs, int row) throws SQLException {
		return new DeliveryRow(rs.getLong("id"), rs.getLong("mailing_id"), rs.getLong("subscriber_id"),
				rs.getString("address"), rs.getString("name"), DeliveryStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("claimed_by"),
				instant(rs, "claimed_at"), rs.getString("last_answer"), instant(rs, "sent_at"),
				rs.getString("message_id"));
	}

	private static String placeholders(Collection<?> values) {
		return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
	}

	static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	/**
	 * A mailing as stored.
	 *
	 * @param againReason why a person sent its item again, or null
	 * @param heldReason why the workers hold it ({@link #ITEM_NOT_APPROVED}), or null
	 * @param heldItems the items concerned by the hold
	 * @param heldAt when it was held, or null
	 */
	record MailingRow(long id, String listKey, MailingKind kind, String originKey, String subject, MailingStatus status,
			Instant createdAt, String createdBy, Instant completedAt, String againReason, String heldReason,
			List<String> heldItems, Instant heldAt) {
	}

	/**
	 * An item a mailing carries, with the approval it carries.
	 *
	 * @param itemId the item
	 * @param approvedAt the item's approval (its approved-at) when the mailing was made
	 * or last resumed, or null when it had none
	 */
	record CarriedItem(String itemId, Instant approvedAt) {
	}

	/** A delivery as stored. */
	record DeliveryRow(long id, long mailingId, long subscriberId, String address, String name, DeliveryStatus status,
			int attempts, Instant nextAttemptAt, String claimedBy, Instant claimedAt, String lastAnswer, Instant sentAt,
			String messageId) {
	}

}
