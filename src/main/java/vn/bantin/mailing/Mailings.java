package vn.bantin.mailing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;
import vn.bantin.subscription.Audience;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.VietnameseText;

/**
 * The mailings: made once per origin with one delivery row per recipient, all in one
 * transaction, then sent in the background by the workers; and what people do with them
 * (pause, resume, retry the failed, decide about the uncertain).
 *
 * <p>
 * {@link #create} is idempotent by origin key ({@code publication:<id>},
 * {@code digest:<list>:<slot>:<occurrence>}, {@code manual:<uuid>}): a second call, also
 * from another thread or node at the same moment, returns the mailing already made. The
 * recipients are those {@link Audience#recipients} names at that moment; someone who
 * leaves the list later is skipped when their turn comes.
 *
 * <p>
 * <b>Only approved content.</b> A mailing records the approval of each item it carries
 * ({@code mailing_item.approved_at}); the workers write a letter only while every item is
 * still approved or published with that approval, and otherwise hold the mailing (paused,
 * with the reason and the items) until a person resumes it after a new approval, or
 * cancels it.
 */
@Service
class Mailings {

	private static final Logger log = LoggerFactory.getLogger(Mailings.class);

	/** The longest reason for sending an item again. */
	static final int MAX_REASON = 1000;

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

	private final MailingStore store;

	private final Audience audience;

	private final ItemCatalog catalog;

	private final Timetables timetables;

	private final Doorbell doorbell;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final TransactionTemplate transaction;

	private final ZoneId zone;

	Mailings(MailingStore store, Audience audience, ItemCatalog catalog, Timetables timetables, Doorbell doorbell,
			Clock clock, PlatformTransactionManager transactions, BantinProperties properties) {
		this.zone = properties.zone();
		this.store = store;
		this.audience = audience;
		this.catalog = catalog;
		this.timetables = timetables;
		this.doorbell = doorbell;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Makes the mailing of this origin, or returns the one already made.
	 * @param listKey the list it goes to
	 * @param kind why it is made
	 * @param originKey what it comes from, unique
	 * @param subject its subject
	 * @param itemIds the items it carries, in order
	 * @param createdBy who asked for it, or null for the scheduler
	 * @return the mailing's id
	 */
	public long create(String listKey, MailingKind kind, String originKey, String subject, List<String> itemIds,
			String createdBy) {
		return create(listKey, kind, originKey, subject, itemIds, createdBy, null);
	}

	/**
	 * Makes the mailing of this origin, or returns the one already made. It records the
	 * approval of each item as it stands (the item's approved-at): the workers write a
	 * letter only while every item is still approved or published with that approval. An
	 * item that is not approved or published now makes the mailing held from the start.
	 * @param againReason why a person sends an item to a list that already had it, or
	 * null
	 */
	long create(String listKey, MailingKind kind, String originKey, String subject, List<String> itemIds,
			String createdBy, String againReason) {
		Optional<Long> existing = existing(originKey);
		if (existing.isPresent()) {
			return existing.get();
		}
		List<MailingStore.CarriedItem> carried = new ArrayList<>();
		List<String> notApproved = new ArrayList<>();
		for (String itemId : itemIds) {
			Optional<ItemView> item = this.catalog.item(itemId);
			carried.add(new MailingStore.CarriedItem(itemId, item.map(ItemView::approvedAt).orElse(null)));
			if (item.isEmpty() || !Approval.approved(item.get())) {
				notApproved.add(itemId);
			}
		}
		List<Audience.Recipient> recipients = this.audience.recipients(listKey);
		Long id;
		try {
			id = this.newTransaction.execute((status) -> {
				long made = this.store.insertMailing(listKey, kind, originKey, subject, this.clock.instant(), createdBy,
						carried, againReason, notApproved);
				this.store.insertDeliveries(made, recipients);
				return made;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// made at the same moment by another thread or node: that one counts
			return existing(originKey).orElseThrow(() -> ex);
		}
		log.info("Mailing {} ({}) to list {}: {} recipients, items {}", id, originKey, listKey, recipients.size(),
				itemIds);
		if (!notApproved.isEmpty()) {
			log.warn("Mailing {} is held from the start: items {} are not approved now", id, notApproved);
		}
		this.doorbell.ring();
		return id;
	}

	/** The mailing made for this origin, if there is one. */
	public Optional<Long> existing(String originKey) {
		return this.newTransaction.execute((status) -> this.store.findByOrigin(originKey));
	}

	/**
	 * An approver sends an approved item to a list now (a {@link MailingKind#MANUAL}
	 * mailing). The item must be released (approved or published, its publish-at
	 * reached), live and going out on email; sending it to a list that already had it
	 * needs {@code again} and a reason, which is stored with the mailing and logged.
	 * <p>
	 * A first send to a list has the origin {@code manual:<list>:<item>}, unique in the
	 * database, so that the button pressed twice (or on two nodes) makes one mailing. A
	 * send again has the origin {@code manual:<list>:<item>:again:<requestKey>}: a form
	 * submitted twice with the same key makes one mailing, each new request another.
	 * @param again send even though the item already has a mailing to that list
	 * @param reason why it is sent again (required with {@code again})
	 * @param requestKey what makes a request to send again unique (the page's form key),
	 * or null for a new one
	 * @return the new mailing's id
	 * @throws RuleViolation (field {@code reason}) when {@code again} has no reason, or a
	 * reason over 1,000 characters
	 * @throws SendRefused when the list or item is unknown, the item may not go out by
	 * email now, or it was already sent there and {@code again} is false
	 */
	public long sendNow(String listKey, String itemId, boolean again, String reason, String requestKey, String actor) {
		String why = (reason != null) ? VietnameseText.nfc(reason.strip()) : "";
		if (again && why.isEmpty()) {
			throw new RuleViolation("reason", "sends.error.reason-required");
		}
		if (why.length() > MAX_REASON) {
			throw new RuleViolation("reason", "sends.error.reason-too-long");
		}
		Timetable.MailingList list = list(listKey)
			.orElseThrow(() -> new SendRefused(SendRefused.Reason.UNKNOWN_LIST, "No list " + listKey, listKey));
		ItemView item = this.catalog.item(itemId)
			.orElseThrow(() -> new SendRefused(SendRefused.Reason.UNKNOWN_ITEM, "No item " + itemId, itemId));
		Instant now = this.clock.instant();
		if (!Approval.approved(item)) {
			throw new SendRefused(SendRefused.Reason.NOT_APPROVED, "Item " + itemId + " is " + item.status(), itemId);
		}
		if (!item.channels().contains(Channel.EMAIL)) {
			throw new SendRefused(SendRefused.Reason.NOT_ON_EMAIL,
					"Item " + itemId + " does not go out by email (channels " + item.channels() + ")", itemId);
		}
		Optional<Instant> releaseAt = item.releaseAt();
		if (releaseAt.isEmpty() || releaseAt.get().isAfter(now)) {
			throw new SendRefused(SendRefused.Reason.NOT_RELEASED,
					"Item " + itemId + " may go out from " + releaseAt.orElse(null), itemId,
					releaseAt.map(this::localTime).orElse(""));
		}
		if (!item.liveAt(now)) {
			throw new SendRefused(SendRefused.Reason.EXPIRED, "Item " + itemId + " expired at " + item.expireAt(),
					itemId, localTime(item.expireAt()));
		}
		if (!again && Boolean.TRUE
			.equals(this.transaction.execute((status) -> this.store.itemMailed(itemId, list.key())))) {
			throw new SendRefused(SendRefused.Reason.ALREADY_SENT,
					"Item " + itemId + " already has a mailing to " + listKey, itemId);
		}
		String origin = "manual:" + list.key() + ":" + itemId;
		if (again) {
			String key = (requestKey != null && requestKey.matches("[A-Za-z0-9-]{8,64}")) ? requestKey
					: UUID.randomUUID().toString();
			origin += ":again:" + key;
			log.info("{} sends item {} to list {} again, reason: {}", actor, itemId, list.key(), why);
		}
		else {
			log.info("{} sends item {} to list {} now", actor, itemId, list.key());
		}
		return create(list.key(), MailingKind.MANUAL, origin, Letters.subject(item), List.of(itemId), actor,
				again ? why : null);
	}

	private String localTime(Instant instant) {
		return (instant != null) ? LOCAL_TIME.format(instant.atZone(this.zone)) : "";
	}

	/** The mailing with this id, with its counts. */
	public Optional<MailingView> mailing(long id) {
		return this.transaction.execute((status) -> this.store.mailing(id).map(this::view));
	}

	/** One page of mailings, the latest first. */
	public Page<MailingView> latest(int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
		return this.transaction.execute((status) -> new PageImpl<>(
				this.store.latest((int) request.getOffset(), request.getPageSize()).stream().map(this::view).toList(),
				request, this.store.countMailings()));
	}

	/**
	 * One page of a mailing's deliveries, in the order they were made.
	 * @param status only those with this status, or null for all
	 */
	public Page<DeliveryView> deliveries(long mailingId, DeliveryStatus status, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500));
		return this.transaction.execute((tx) -> new PageImpl<>(
				this.store.deliveries(mailingId, status, (int) request.getOffset(), request.getPageSize())
					.stream()
					.map(Mailings::view)
					.toList(),
				request, this.store.countDeliveries(mailingId, status)));
	}

	/** Pauses a running mailing: its deliveries are not claimed until it is resumed. */
	public boolean pause(long id) {
		return Boolean.TRUE.equals(this.transaction
			.execute((status) -> this.store.changeStatus(id, MailingStatus.RUNNING, MailingStatus.PAUSED)));
	}

	/**
	 * Resumes a paused mailing, also one the workers held. Every item it carries must be
	 * approved (or published) now: with the approval the mailing carries, or with a new
	 * one (after an edit) and still going out by email, in which case the mailing carries
	 * that new approval from now on (the person resuming accepts that version). Logged.
	 * @return whether it was resumed (false: it was not paused)
	 * @throws SendRefused ({@link SendRefused.Reason#ITEMS_NOT_APPROVED}) naming the
	 * items that are not approved or not on email now
	 */
	public boolean resume(long id, String actor) {
		List<MailingStore.CarriedItem> carried = this.transaction.execute((status) -> this.store.carried(id));
		List<MailingStore.CarriedItem> now = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (MailingStore.CarriedItem item : carried) {
			Optional<ItemView> view = this.catalog.item(item.itemId());
			if (view.isPresent() && Approval.carries(view.get(), item.approvedAt())) {
				// unchanged since the mailing was made (a plain pause)
				now.add(item);
			}
			else if (view.isEmpty() || !Approval.approved(view.get())
					|| !view.get().channels().contains(Channel.EMAIL)) {
				refused.add(item.itemId());
			}
			else {
				// approved again since: the person resuming accepts that version
				now.add(new MailingStore.CarriedItem(item.itemId(), view.get().approvedAt()));
			}
		}
		if (!refused.isEmpty()) {
			throw new SendRefused(SendRefused.Reason.ITEMS_NOT_APPROVED,
					"Mailing " + id + " carries items not approved now: " + refused, String.join(", ", refused));
		}
		boolean resumed = Boolean.TRUE.equals(this.transaction.execute((status) -> this.store.resume(id, now)));
		if (resumed) {
			log.info("{} resumed mailing {}, carrying the approvals {}", actor, id, now);
		}
		this.doorbell.ring();
		return resumed;
	}

	/**
	 * Cancels a running or paused mailing: the deliveries not sent yet are skipped, and
	 * nothing more of it goes out; logged.
	 * @return how many deliveries were skipped
	 * @throws SendRefused ({@link SendRefused.Reason#NOT_CANCELLABLE}) when it is
	 * completed or cancelled already
	 */
	public int cancel(long id, String actor) {
		Integer skipped = this.transaction
			.execute((status) -> this.store.cancel(id, this.clock.instant(), "cancelled by " + actor));
		if (skipped == null || skipped < 0) {
			throw new SendRefused(SendRefused.Reason.NOT_CANCELLABLE, "Mailing " + id + " is not running or paused");
		}
		log.info("{} cancelled mailing {}: {} deliveries not sent", actor, id, skipped);
		return skipped;
	}

	/**
	 * Sends the failed deliveries of a mailing again: pending, attempts reset; a
	 * completed mailing runs again.
	 * @return how many deliveries will be sent again
	 */
	public int retryFailed(long id) {
		Integer count = this.transaction.execute((status) -> {
			if (cancelled(id)) {
				return 0;
			}
			int retried = this.store.retryFailed(id);
			if (retried > 0) {
				this.store.changeStatus(id, MailingStatus.COMPLETED, MailingStatus.RUNNING);
			}
			return retried;
		});
		this.doorbell.ring();
		return (count != null) ? count : 0;
	}

	/**
	 * A person decided that an uncertain delivery is sent again (the recipient may get
	 * two copies).
	 */
	public boolean sendAgain(long mailingId, long deliveryId) {
		boolean again = Boolean.TRUE.equals(this.transaction.execute((status) -> {
			if (cancelled(mailingId)) {
				return false;
			}
			boolean changed = this.store.sendAgain(mailingId, deliveryId);
			if (changed) {
				this.store.changeStatus(mailingId, MailingStatus.COMPLETED, MailingStatus.RUNNING);
			}
			return changed;
		}));
		this.doorbell.ring();
		return again;
	}

	/** A person decided that an uncertain delivery did arrive: it is marked sent. */
	public boolean markSent(long mailingId, long deliveryId, String actor) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> this.store.markSentByHand(mailingId, deliveryId,
				this.clock.instant(), "marked as sent by " + actor)));
	}

	private boolean cancelled(long id) {
		return this.store.mailing(id).map((row) -> row.status() == MailingStatus.CANCELLED).orElse(true);
	}

	/** The email lists an item may be sent to now, in timetable order. */
	public List<Timetable.MailingList> lists() {
		return this.timetables.current().lists();
	}

	Optional<Timetable.MailingList> list(String key) {
		return this.timetables.current().lists().stream().filter((list) -> list.key().equals(key)).findFirst();
	}

	private MailingView view(MailingStore.MailingRow row) {
		String listName = list(row.listKey()).map(Timetable.MailingList::name).orElse(row.listKey());
		return new MailingView(row.id(), row.listKey(), listName, row.kind(), row.originKey(), row.subject(),
				row.status(), row.createdAt(), row.createdBy(), row.completedAt(), this.store.items(row.id()),
				Map.copyOf(this.store.counts(row.id())), row.againReason(),
				(row.heldReason() != null) ? new Hold(row.heldReason(), row.heldItems(), row.heldAt()) : null);
	}

	private static DeliveryView view(MailingStore.DeliveryRow row) {
		return new DeliveryView(row.id(), row.subscriberId(), row.address(), row.name(), row.status(), row.attempts(),
				row.nextAttemptAt(), row.lastAnswer(), row.sentAt(), row.messageId());
	}

	/**
	 * A mailing as people see it.
	 *
	 * @param id its id
	 * @param listKey the list's key
	 * @param listName the list's name (its key when the list is gone)
	 * @param kind on publish, digest or manual
	 * @param originKey what it comes from
	 * @param subject its subject
	 * @param status running, paused or completed
	 * @param createdAt when it was made
	 * @param createdBy who asked for it, or null for the scheduler
	 * @param completedAt when it was completed, or null
	 * @param itemIds the items it carries, in order
	 * @param counts how many deliveries are in each status (every status present)
	 * @param againReason why a person sent its item to a list that already had it, or
	 * null
	 * @param hold why the workers hold it (it is paused until a person decides), or null
	 */
	public record MailingView(long id, String listKey, String listName, MailingKind kind, String originKey,
			String subject, MailingStatus status, Instant createdAt, String createdBy, Instant completedAt,
			List<String> itemIds, Map<DeliveryStatus, Long> counts, String againReason, Hold hold) {

		/** Whether the workers hold it. */
		public boolean held() {
			return this.hold != null;
		}

		/** How many recipients it has. */
		public long total() {
			return this.counts.values().stream().mapToLong(Long::longValue).sum();
		}

		/** How many were sent. */
		public long sent() {
			return this.counts.getOrDefault(DeliveryStatus.SENT, 0L);
		}

		/** How many in this status. */
		public long count(DeliveryStatus status) {
			return this.counts.getOrDefault(status, 0L);
		}

		/** Sent out of total, in percent (100 when there is no recipient). */
		public int percentSent() {
			return (total() == 0) ? 100 : (int) (sent() * 100 / total());
		}

	}

	/**
	 * Why the workers stopped a mailing: an item it carries is no longer approved (or
	 * published) with the approval the mailing carries (it was edited, and went back to
	 * approval), so no further letter is written until a person resumes it (after the
	 * item was approved again) or cancels it.
	 *
	 * @param reason {@code item-not-approved}
	 * @param itemIds the items concerned
	 * @param at when it was held
	 */
	public record Hold(String reason, List<String> itemIds, Instant at) {

		public Hold {
			itemIds = List.copyOf(itemIds);
		}

	}

	/**
	 * One recipient's delivery.
	 *
	 * @param id its id
	 * @param subscriberId the subscriber
	 * @param address the address it went to
	 * @param name the recipient's name, or null
	 * @param status where it stands
	 * @param attempts how many times it was handed to the server
	 * @param nextAttemptAt when it is tried again (retries)
	 * @param lastAnswer the server's last answer
	 * @param sentAt when the server accepted it
	 * @param messageId its Message-ID, once it was sent
	 */
	public record DeliveryView(long id, long subscriberId, String address, String name, DeliveryStatus status,
			int attempts, Instant nextAttemptAt, String lastAnswer, Instant sentAt, String messageId) {
	}

}
