package vn.bantin.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemChanged;
import vn.bantin.content.ItemView;
import vn.bantin.publishing.PublicationStatus;
import vn.bantin.publishing.Publications;
import vn.bantin.cluster.ClusterLocks;
import vn.bantin.cluster.Nodes;
import vn.bantin.system.CurrentCommune;
import vn.bantin.timetable.ProgrammeInForce;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.TimetableChanged;
import vn.bantin.timetable.Timetables;

/**
 * Keeps the triggers in step with the timetable and the items, without a restart; nothing
 * already recorded changes.
 * <ul>
 * <li>{@link TimetableChanged}: each timed or digest slot whose definition is unchanged
 * keeps its trigger (so an occurrence missed while down still catches up); a changed or
 * new one gets a trigger at its next occurrence after now; a removed one loses it. Items'
 * release triggers follow the on-publish slots.</li>
 * <li>{@link ItemChanged}, inside the item's transaction (the trigger commits with the
 * change): the item's release trigger is set, moved or removed; an emergency item just
 * approved gets an immediate trigger that puts it out on all its channels.</li>
 * <li>When the application is ready (after the content and schedule folders were loaded):
 * the same for every slot and every releasable item, then a hand-over of what came due
 * while it was down. Overdue triggers fire by themselves (Quartz fires a misfired
 * one-shot trigger at once) and each slot's chain catches up.</li>
 * </ul>
 *
 * <p>
 * Each commune is replanned in its own scope, with its own timetable and items: a change
 * replans the commune it was made in (the event names it), the start-up sweep every
 * commune one after the other, and the hand-over after it each commune with something
 * due.
 */
@Component
class Replanning {

	private static final Logger log = LoggerFactory.getLogger(Replanning.class);

	private final Timetables timetables;

	private final ProgrammeInForce programme;

	private final SlotFiring firing;

	private final ItemRelease release;

	private final Broadcast broadcast;

	private final ItemCatalog catalog;

	private final EngineTriggers triggers;

	private final HandoverTrigger handoverTrigger;

	private final EngineCommunes communes;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private volatile boolean ready;

	private final ClusterLocks locks;

	private final Nodes nodes;

	/** How many slot triggers this node (re)planned or removed since it started. */
	private final java.util.concurrent.atomic.AtomicInteger replanned = new java.util.concurrent.atomic.AtomicInteger();

	Replanning(Timetables timetables, ProgrammeInForce programme, SlotFiring firing, ItemRelease release,
			Broadcast broadcast, ItemCatalog catalog, EngineTriggers triggers, HandoverTrigger handoverTrigger,
			EngineCommunes communes, Clock clock, PlatformTransactionManager transactions, ClusterLocks locks,
			Nodes nodes) {
		this.locks = locks;
		this.nodes = nodes;
		this.timetables = timetables;
		this.programme = programme;
		this.firing = firing;
		this.release = release;
		this.broadcast = broadcast;
		this.catalog = catalog;
		this.triggers = triggers;
		this.handoverTrigger = handoverTrigger;
		this.communes = communes;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener
	void timetableChanged(TimetableChanged changed) {
		if (changed.elsewhere()) {
			// the node where it changed re-planned the shared scheduler; once is enough
			return;
		}
		if (!this.ready) {
			// the timetable is still being put together at start-up (the admin UI's part
			// first, the files' part when ready): reconciling with a part of it would
			// drop
			// the triggers of the rest, and with them the occurrences missed while down.
			// The start-up sweep reconciles once it is whole.
			return;
		}
		boolean ran = this.communes.run(changed.commune(),
				() -> this.locks.exclusively(lockName(changed.commune()), () -> {
					Summary slots = this.transaction.execute((status) -> reconcileSlots());
					int released = reconcileItems();
					this.replanned.addAndGet(slots.planned() + slots.removed());
					log.info("Timetable of commune {} changed ({}): {}; {} item(s) waiting for release",
							changed.commune(), changed.source(), slots, released);
				}));
		if (!ran) {
			log.warn("Timetable of commune {} changed, but it is gone or archived: not replanned", changed.commune());
		}
	}

	@EventListener
	void itemChanged(ItemChanged changed) {
		if (this.ready) {
			// before, the start-up sweep reconciles every item with the whole timetable
			this.release.reconcile(changed.itemId());
		}
		if (changed.action() == ItemChanged.Action.APPROVED) {
			this.catalog.item(changed.itemId()).ifPresent(this.broadcast::scheduleEmergency);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Timetables.FILES_LOAD_ORDER + 1)
	void ready() {
		this.ready = true;
		Summary slots = new Summary(0, 0, 0);
		int released = 0;
		List<CurrentCommune.Scope> scopes = this.communes.all();
		for (CurrentCommune.Scope scope : scopes) {
			long id = scope.id();
			Summary commune = this.locks.exclusively(lockName(id), () -> CurrentCommune.call(scope, () -> {
				Summary reconciled = this.transaction.execute((status) -> reconcileSlots());
				this.replanned.addAndGet(reconciled.planned() + reconciled.removed());
				return reconciled;
			}));
			slots = slots.plus(commune);
			released += this.locks.exclusively(lockName(id),
					() -> CurrentCommune.call(scope, this::releaseDueAndReconcileItems));
		}
		this.handoverTrigger.ensure();
		Instant now = this.clock.instant();
		List<Publications.PublicationView> handled = this.communes.handOverEverywhere(now);
		log.info(
				"Scheduler start-up sweep on node {} at {} over {} commune(s): {}; {} item(s) waiting for release;"
						+ " {} publication(s) decided"
						+ " or handed over ({} published, {} missed, {} awaiting confirmation, {} due)",
				this.nodes.self(), now, scopes.size(), slots, released, handled.size(),
				count(handled, PublicationStatus.PUBLISHED), count(handled, PublicationStatus.MISSED),
				count(handled, PublicationStatus.AWAITING_CONFIRMATION), count(handled, PublicationStatus.DUE));
	}

	/**
	 * The cluster lock under which a commune's triggers are reconciled. Why: with several
	 * nodes watching the same {@code schedules/} folder, each reads a changed file and
	 * replans; one after the other, the first moves the triggers and the next finds each
	 * trigger's definition hash equal to its slot's and keeps it, so a change reaches the
	 * triggers once, not once per node (and two replannings never interleave their reads
	 * and writes of one trigger).
	 */
	static String lockName(long commune) {
		return "schedule:" + commune;
	}

	/** How many slot triggers this node (re)planned or removed since it started. */
	int replanned() {
		return this.replanned.get();
	}

	/**
	 * Sets the slot triggers of the commune in scope to match its timetable in force.
	 */
	Summary reconcileSlots() {
		Instant now = this.clock.instant();
		Timetable timetable = this.timetables.current();
		Set<String> wanted = new HashSet<>();
		int kept = 0;
		int planned = 0;
		for (Slot slot : timetable.slots()) {
			if (slot.kind() == SlotKind.ON_PUBLISH) {
				continue;
			}
			wanted.add(slot.key());
			Optional<EngineTriggers.Planned> existing = this.triggers.planned(EngineTriggers.SLOTS, slot.key());
			if (existing.isPresent() && SlotDefinition.hash(slot).equals(existing.get().hash())) {
				kept++;
				continue;
			}
			Optional<ZonedDateTime> next = slot.recurrence().next(now, this.programme.zone());
			if (next.isPresent()) {
				this.firing.schedule(slot, next.get().toInstant());
				planned++;
			}
			else {
				this.triggers.unschedule(EngineTriggers.SLOTS, slot.key());
			}
		}
		int removed = 0;
		for (String slotKey : this.triggers.subjects(EngineTriggers.SLOTS)) {
			if (!wanted.contains(slotKey)) {
				this.triggers.unschedule(EngineTriggers.SLOTS, slotKey);
				removed++;
			}
		}
		return new Summary(kept, planned, removed);
	}

	/**
	 * Sets the release trigger of every releasable item of the commune in scope, each in
	 * its own transaction.
	 */
	/**
	 * The start-up sweep's {@link #reconcileItems}: an item already due (a content folder
	 * loaded for the first time, a release missed while the application was down) is
	 * released here, as its trigger would at once, without a Quartz trigger stored and
	 * fired for each (for a province's first start, a hundred thousand of them); the
	 * sweep hands the publications over once at its end. A stop in between loses nothing:
	 * the next sweep finds what was not recorded, and records each publication once.
	 * @return how many items wait for a later release
	 */
	private int releaseDueAndReconcileItems() {
		Instant now = this.clock.instant();
		int waiting = 0;
		for (ItemView item : this.catalog.releasable()) {
			Optional<Instant> releaseAt = item.releaseAt();
			if (releaseAt.isPresent() && !releaseAt.get().isAfter(now)) {
				this.release.record(item.id(), releaseAt.get(), now);
			}
			else if (Boolean.TRUE.equals(this.transaction.execute((status) -> this.release.reconcile(item.id())))) {
				waiting++;
			}
		}
		return waiting;
	}

	private int reconcileItems() {
		int waiting = 0;
		for (ItemView item : this.catalog.releasable()) {
			if (Boolean.TRUE.equals(this.transaction.execute((status) -> this.release.reconcile(item.id())))) {
				waiting++;
			}
		}
		return waiting;
	}

	private static long count(List<Publications.PublicationView> publications, PublicationStatus status) {
		return publications.stream().filter((publication) -> publication.status() == status).count();
	}

	/** What reconciling the slot triggers did. */
	record Summary(int kept, int planned, int removed) {

		Summary plus(Summary other) {
			return new Summary(this.kept + other.kept, this.planned + other.planned, this.removed + other.removed);
		}

		@Override
		public String toString() {
			return "slot triggers: " + this.kept + " kept, " + this.planned + " (re)planned, " + this.removed
					+ " removed";
		}

	}

}
