package vn.bantin.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import vn.bantin.content.Channel;
import vn.bantin.system.CurrentCommune;

/**
 * The publications: one per item, channel, target and occurrence, recorded when a slot
 * fires and then decided by the {@link LatenessPolicy}.
 *
 * <p>
 * {@link #record} is idempotent, also when several threads or cluster nodes record the
 * same publication at once: each insert runs in a transaction of its own, and when the
 * database refuses it for the unique key, the row that won is read and returned. This
 * works the same on H2 and on PostgreSQL (where a refused insert spoils its transaction,
 * hence the separate one).
 */
@Service
public class Publications {

	/** The target of a publication that has no particular one (the web site, a feed). */
	public static final String NO_TARGET = "*";

	private static final int ATTEMPTS = 3;

	private final PublicationStore publications;

	private final LatenessPolicy policy;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final TransactionTemplate transaction;

	Publications(PublicationStore publications, LatenessPolicy policy, Clock clock,
			PlatformTransactionManager transactions) {
		this.publications = publications;
		this.policy = policy;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Records the publication of an item on a channel to a target at an occurrence, or
	 * returns the one already recorded for that key; never records a second one.
	 * @param itemId the item's id
	 * @param channel the channel
	 * @param target a zone or mailing-list key; {@code null} or blank for
	 * {@link #NO_TARGET}
	 * @param occurrence the planned instant, kept to the microsecond (as stored)
	 * @return the publication, new or existing; empty when the item does not exist
	 */
	public Optional<PublicationView> record(String itemId, Channel channel, String target, Instant occurrence) {
		return record(itemId, channel, target, occurrence, Origin.NONE);
	}

	/**
	 * Records a publication with where it comes from, or returns the one already recorded
	 * for that key (whose origin stays as first recorded); never records a second one.
	 * @see #record(String, Channel, String, Instant)
	 */
	public Optional<PublicationView> record(String itemId, Channel channel, String target, Instant occurrence,
			Origin origin) {
		Objects.requireNonNull(itemId, "itemId");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(occurrence, "occurrence");
		String key = StringUtils.hasText(target) ? target.strip() : NO_TARGET;
		Instant at = occurrence.truncatedTo(ChronoUnit.MICROS);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<PublicationView> existing = find(itemId, channel, key, at);
			if (existing.isPresent()) {
				return existing;
			}
			try {
				return Optional.of(this.newTransaction.execute((status) -> this.publications
					.saveAndFlush(new Publication(itemId, channel, key, at, origin, this.clock.instant()))
					.view()));
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
				// another thread or node recorded it first (or the item does not exist):
				// read again
			}
		}
		return find(itemId, channel, key, at);
	}

	/**
	 * Records a publication that may exist only once per item, channel and target while
	 * it carries the item: the release on an on-publish slot, "publish now", the first
	 * play of an emergency broadcast. When the item already has a publication there that
	 * went out or will ({@linkplain #AIRED planned, due, published or awaiting
	 * confirmation}, whatever its occurrence and origin), that one is returned and
	 * nothing is recorded.
	 *
	 * <p>
	 * The guarantee is the database's, not this check's: the new row carries the key
	 * {@code <item>|<CHANNEL>|<target>} under a unique index, so two callers at once (two
	 * threads, two nodes, the release trigger and a person pressing "publish now") record
	 * one row between them, and the loser gets the winner's. The key is cleared when the
	 * publication is missed or fails, so that the item may go out there again.
	 * @param occurrence the planned instant (kept to the microsecond)
	 * @return the publication and whether this call recorded it; empty when the item does
	 * not exist
	 */
	public Optional<Once> recordOnce(String itemId, Channel channel, String target, Instant occurrence, Origin origin) {
		Objects.requireNonNull(itemId, "itemId");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(occurrence, "occurrence");
		String key = StringUtils.hasText(target) ? target.strip() : NO_TARGET;
		Instant at = occurrence.truncatedTo(ChronoUnit.MICROS);
		String onceKey = onceKey(itemId, channel, key);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<PublicationView> carrying = carrying(itemId, channel, key);
			if (carrying.isPresent()) {
				return Optional.of(new Once(carrying.get(), false));
			}
			try {
				return Optional.of(new Once(this.newTransaction.execute((status) -> this.publications
					.saveAndFlush(new Publication(itemId, channel, key, at, origin, this.clock.instant(), onceKey))
					.view()), true));
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
				// another thread or node recorded it first (or the item does not exist):
				// read again
			}
		}
		return carrying(itemId, channel, key).map((publication) -> new Once(publication, false));
	}

	/**
	 * The publication that carries the item on the channel to the target: the one holding
	 * the once-key, else the first that went out or will.
	 */
	private Optional<PublicationView> carrying(String itemId, Channel channel, String target) {
		return this.newTransaction.execute((status) -> this.publications.findByOnceKey(onceKey(itemId, channel, target))
			.or(() -> this.publications.findFirstByItemIdAndChannelAndTargetAndStatusInOrderByIdAsc(itemId, channel,
					target, AIRED))
			.map(Publication::view));
	}

	private static String onceKey(String itemId, Channel channel, String target) {
		return itemId + "|" + channel.name() + "|" + target;
	}

	private Optional<PublicationView> find(String itemId, Channel channel, String target, Instant occurrence) {
		return this.newTransaction.execute((status) -> this.publications
			.findByItemIdAndChannelAndTargetAndOccurrence(itemId, channel, target, occurrence)
			.map(Publication::view));
	}

	/** The publication with this id, if there is one. */
	public Optional<PublicationView> find(long id) {
		return this.transaction.execute((status) -> this.publications.findById(id).map(Publication::view));
	}

	/**
	 * The publications to act on at {@code now}: planned (to be decided) or due (to go
	 * out), whose occurrence is not after {@code now}, oldest first.
	 */
	public List<PublicationView> due(Instant now) {
		return this.transaction.execute((status) -> this.publications
			.findByStatusInAndOccurrenceLessThanEqualOrderByOccurrenceAscIdAsc(
					EnumSet.of(PublicationStatus.PLANNED, PublicationStatus.DUE), now)
			.stream()
			.map(Publication::view)
			.toList());
	}

	/**
	 * The ids of the communes with publications to act on at {@code now} (those
	 * {@link #due} returns in each): read across every commune, so that a province-wide
	 * run can then work on each commune in its own scope.
	 */
	public List<Long> communesWithDue(Instant now) {
		return CurrentCommune.acrossAll(() -> this.transaction
			.execute((status) -> this.publications.findCommunesWithStatusInAndOccurrenceLessThanEqual(
					EnumSet.of(PublicationStatus.PLANNED, PublicationStatus.DUE), now)));
	}

	/**
	 * Decides a planned publication with the lateness policy at {@code now} and stores
	 * the decision with its reason; one already decided is returned unchanged, also when
	 * another thread or node decided it at the same moment.
	 */
	public PublicationView decide(long id, Instant now) {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
			return decideOnce(id, now);
		}
		try {
			return decideOnce(id, now);
		}
		catch (org.springframework.dao.OptimisticLockingFailureException ex) {
			// decided concurrently (the hand-over, another node): read the decision taken
			return decideOnce(id, now);
		}
	}

	private PublicationView decideOnce(long id, Instant now) {
		return this.transaction.execute((status) -> {
			Publication publication = this.publications.findById(id)
				.orElseThrow(() -> new IllegalArgumentException("No publication " + id));
			publication.decide(this.policy.decide(publication.channel(), publication.occurrence(), now), now);
			return publication.view();
		});
	}

	/** Marks a due publication as gone out at {@code at}. */
	public PublicationView markPublished(long id, Instant at) {
		return this.transaction.execute((status) -> {
			Publication publication = this.publications.findById(id)
				.orElseThrow(() -> new IllegalArgumentException("No publication " + id));
			publication.markPublished(at);
			return publication.view();
		});
	}

	/**
	 * An editor lets a publication that waits for confirmation (an email too late to go
	 * out by itself) go out after all: it becomes due, and its reason names the editor.
	 * @throws IllegalArgumentException when there is no such publication
	 * @throws IllegalStateException when it does not wait for confirmation
	 */
	public PublicationView confirm(long id, String actor) {
		return this.transaction.execute((status) -> {
			Publication publication = this.publications.findById(id)
				.orElseThrow(() -> new IllegalArgumentException("No publication " + id));
			publication.confirm(actor, this.clock.instant());
			return publication.view();
		});
	}

	/**
	 * An editor decides that a publication that waits for confirmation does not go out:
	 * it is marked missed, its reason naming the editor.
	 * @throws IllegalArgumentException when there is no such publication
	 * @throws IllegalStateException when it does not wait for confirmation
	 */
	public PublicationView skip(long id, String actor) {
		return this.transaction.execute((status) -> {
			Publication publication = this.publications.findById(id)
				.orElseThrow(() -> new IllegalArgumentException("No publication " + id));
			publication.skip(actor, this.clock.instant());
			return publication.view();
		});
	}

	/** The publication with this id, if there is one. */
	public Optional<PublicationView> publication(long id) {
		return this.transaction.execute((status) -> this.publications.findById(id).map(Publication::view));
	}

	/**
	 * One page of the publications that match, the latest occurrence first (then the
	 * latest recorded).
	 * @param page the page number, from 0
	 * @param size the page size, 1 to 200
	 */
	public Page<PublicationView> find(PublicationQuery query, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Order.desc("occurrence"), Sort.Order.desc("id")));
		return this.transaction
			.execute((status) -> this.publications.findAll(query.specification(), request).map(Publication::view));
	}

	/**
	 * The publications whose occurrence is at or after {@code from} and before
	 * {@code to}, oldest first: what happened (or is about to) in that range.
	 */
	public List<PublicationView> between(Instant from, Instant to) {
		return this.transaction.execute((status) -> this.publications
			.findByOccurrenceGreaterThanEqualAndOccurrenceLessThanOrderByOccurrenceAscIdAsc(from, to)
			.stream()
			.map(Publication::view)
			.toList());
	}

	/**
	 * How many times each item went out in each campaign to each target: publications
	 * placed by a campaign that are planned, due, published or awaiting confirmation
	 * (missed and failed ones did not go out).
	 */
	public List<Airing> airings() {
		return this.transaction.execute((status) -> this.publications.countAirings(AIRED));
	}

	/**
	 * {@link #airings()} counting only publications whose occurrence is before
	 * {@code before}: the history as it stood when an occurrence at {@code before} was
	 * first planned, so planning that occurrence again (a repeated fire) gives the same
	 * answer.
	 */
	public List<Airing> airingsBefore(Instant before) {
		return this.transaction.execute((status) -> this.publications.countAiringsBefore(AIRED, before));
	}

	/** Whether the item has any publication at all. */
	public boolean exists(String itemId) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> this.publications.existsByItemId(itemId)));
	}

	/**
	 * Whether the item has any publication on the channel to the target, whatever its
	 * occurrence: an item put out at once is not put out again at its release time.
	 */
	public boolean exists(String itemId, Channel channel, String target) {
		return Boolean.TRUE.equals(this.transaction
			.execute((status) -> this.publications.existsByItemIdAndChannelAndTarget(itemId, channel, target)));
	}

	/**
	 * The publications of one slot occurrence on a channel to a target, in the order they
	 * were recorded: the items of one digest, gathered into one mail.
	 */
	public List<PublicationView> siblings(Channel channel, String target, Instant occurrence, String slot) {
		return this.transaction.execute((status) -> this.publications
			.findByChannelAndTargetAndOccurrenceAndSlotOrderByIdAsc(channel, target,
					occurrence.truncatedTo(ChronoUnit.MICROS), slot)
			.stream()
			.map(Publication::view)
			.toList());
	}

	/** The statuses of publications that went out or will. */
	static final java.util.Set<PublicationStatus> AIRED = EnumSet.of(PublicationStatus.PLANNED, PublicationStatus.DUE,
			PublicationStatus.PUBLISHED, PublicationStatus.AWAITING_CONFIRMATION);

	/**
	 * Where a publication comes from.
	 *
	 * @param slot the timetable slot's key, or a marker such as {@code publish-now} or
	 * {@code emergency}; {@code null} when unknown
	 * @param campaign the campaign that placed it, or {@code null}
	 */
	public record Origin(String slot, String campaign) {

		/** No known origin. */
		public static final Origin NONE = new Origin(null, null);

		/** The slot marker of publications made by "publish now". */
		public static final String PUBLISH_NOW = "publish-now";

		/** The slot marker of publications of an approved emergency item. */
		public static final String EMERGENCY = "emergency";

		/** Whether it was put out at once by "publish now" rather than by a slot. */
		public static boolean publishedNow(String slot) {
			return PUBLISH_NOW.equals(slot);
		}

		/** Whether it is an emergency broadcast rather than a timetable slot. */
		public static boolean emergency(String slot) {
			return EMERGENCY.equals(slot);
		}

	}

	/**
	 * The answer of {@link #recordOnce}.
	 *
	 * @param publication the publication that carries the item there
	 * @param added whether this call recorded it (false: it was already there)
	 */
	public record Once(PublicationView publication, boolean added) {
	}

	/**
	 * How many times an item went out in a campaign to a target.
	 *
	 * @param campaign the campaign key
	 * @param itemId the item
	 * @param target the target
	 * @param count how many times
	 */
	public record Airing(String campaign, String itemId, String target, long count) {
	}

	/**
	 * A publication as recorded.
	 *
	 * @param id its id
	 * @param itemId the item
	 * @param channel the channel
	 * @param target the zone or list key, {@link #NO_TARGET} for none
	 * @param occurrence the planned instant
	 * @param status where it stands
	 * @param reason why it was decided so, {@code null} before the decision
	 * @param decidedAt when it was decided
	 * @param publishedAt when it went out
	 * @param createdAt when it was recorded
	 * @param slot the slot it comes from, or a marker ({@code publish-now},
	 * {@code emergency}), or null
	 * @param campaign the campaign that placed it, or null
	 * @param attempts how many hand-overs to its channel failed
	 * @param lastError why the last hand-over failed, or null
	 */
	public record PublicationView(long id, String itemId, Channel channel, String target, Instant occurrence,
			PublicationStatus status, String reason, Instant decidedAt, Instant publishedAt, Instant createdAt,
			String slot, String campaign, int attempts, String lastError) {

	}

}
