package vn.bantin.mailing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.schedule.Timetable;
import vn.bantin.schedule.Timetables;
import vn.bantin.subscription.Audience;

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
 */
@Service
public class Mailings {

	private static final Logger log = LoggerFactory.getLogger(Mailings.class);

	private final MailingStore store;

	private final Audience audience;

	private final ItemCatalog catalog;

	private final Timetables timetables;

	private final Doorbell doorbell;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final TransactionTemplate transaction;

	Mailings(MailingStore store, Audience audience, ItemCatalog catalog, Timetables timetables, Doorbell doorbell,
			Clock clock, PlatformTransactionManager transactions) {
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
		Optional<Long> existing = existing(originKey);
		if (existing.isPresent()) {
			return existing.get();
		}
		List<Audience.Recipient> recipients = this.audience.recipients(listKey);
		Long id;
		try {
			id = this.newTransaction.execute((status) -> {
				long made = this.store.insertMailing(listKey, kind, originKey, subject, this.clock.instant(), createdBy,
						itemIds);
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
		this.doorbell.ring();
		return id;
	}

	/** The mailing made for this origin, if there is one. */
	public Optional<Long> existing(String originKey) {
		return this.newTransaction.execute((status) -> this.store.findByOrigin(originKey));
	}

	/**
	 * A person sends an approved item to a list now (a {@link MailingKind#MANUAL}
	 * mailing).
	 * @param again send even though the item already has a mailing to that list
	 * @return the new mailing's id
	 * @throws SendRefused when the list or item is unknown, the item not approved, or it
	 * was already sent there and {@code again} is false
	 */
	public long sendNow(String listKey, String itemId, boolean again, String actor) {
		Timetable.MailingList list = list(listKey)
			.orElseThrow(() -> new SendRefused(SendRefused.Reason.UNKNOWN_LIST, "No list " + listKey));
		ItemView item = this.catalog.item(itemId)
			.orElseThrow(() -> new SendRefused(SendRefused.Reason.UNKNOWN_ITEM, "No item " + itemId));
		if (item.status() != ItemStatus.APPROVED && item.status() != ItemStatus.PUBLISHED) {
			throw new SendRefused(SendRefused.Reason.NOT_APPROVED, "Item " + itemId + " is " + item.status());
		}
		if (!again && Boolean.TRUE
			.equals(this.transaction.execute((status) -> this.store.itemMailed(itemId, list.key())))) {
			throw new SendRefused(SendRefused.Reason.ALREADY_SENT,
					"Item " + itemId + " already has a mailing to " + listKey);
		}
		return create(list.key(), MailingKind.MANUAL, "manual:" + UUID.randomUUID(), Letters.subject(item),
				List.of(itemId), actor);
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

	/** Resumes a paused mailing. */
	public boolean resume(long id) {
		boolean resumed = Boolean.TRUE.equals(this.transaction
			.execute((status) -> this.store.changeStatus(id, MailingStatus.PAUSED, MailingStatus.RUNNING)));
		this.doorbell.ring();
		return resumed;
	}

	/**
	 * Sends the failed deliveries of a mailing again: pending, attempts reset; a
	 * completed mailing runs again.
	 * @return how many deliveries will be sent again
	 */
	public int retryFailed(long id) {
		Integer count = this.transaction.execute((status) -> {
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

	Optional<Timetable.MailingList> list(String key) {
		return this.timetables.current().lists().stream().filter((list) -> list.key().equals(key)).findFirst();
	}

	private MailingView view(MailingStore.MailingRow row) {
		String listName = list(row.listKey()).map(Timetable.MailingList::name).orElse(row.listKey());
		return new MailingView(row.id(), row.listKey(), listName, row.kind(), row.originKey(), row.subject(),
				row.status(), row.createdAt(), row.createdBy(), row.completedAt(), this.store.items(row.id()),
				Map.copyOf(this.store.counts(row.id())));
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
	 */
	public record MailingView(long id, String listKey, String listName, MailingKind kind, String originKey,
			String subject, MailingStatus status, Instant createdAt, String createdBy, Instant completedAt,
			List<String> itemIds, Map<DeliveryStatus, Long> counts) {

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
