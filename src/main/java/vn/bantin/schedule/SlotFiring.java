package vn.bantin.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.content.ItemCatalog;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.Publications;
import vn.bantin.timetable.Airings;
import vn.bantin.timetable.Placement;
import vn.bantin.timetable.ProgrammeInForce;
import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetables;

/**
 * What happens when the trigger of a timed or digest slot fires for one occurrence: the
 * {@link Programme} places the occurrence, one publication is recorded per entry (item,
 * channel, target, occurrence, with the slot and campaign it comes from), the slot's
 * trigger moves to its next occurrence after this one, and the due publications are
 * handed over.
 *
 * <p>
 * After downtime the chain fires each missed occurrence once, in a row, oldest first:
 * each is recorded and then decided by the lateness policy (a radio occurrence more than
 * 15 minutes late is missed, with its reason). Occurrences older than
 * {@code bantin.schedule.catch-up} are skipped with one log line.
 *
 * <p>
 * A repeated fire of the same occurrence (a crash before the trigger moved) records
 * nothing new: publications are unique per item, channel, target and occurrence, and the
 * occurrence is placed from the history before it, so it is placed the same way again.
 */
@Service
class SlotFiring {

	private static final Logger log = LoggerFactory.getLogger(SlotFiring.class);

	private final Timetables timetables;

	private final ProgrammeInForce programme;

	private final ItemCatalog catalog;

	private final Publications publications;

	private final Handover handover;

	private final EngineTriggers triggers;

	private final Duration catchUp;

	private final Clock clock;

	private final TransactionTemplate transaction;

	SlotFiring(Timetables timetables, ProgrammeInForce programme, ItemCatalog catalog, Publications publications,
			Handover handover, EngineTriggers triggers, ScheduleSettings settings, Clock clock,
			PlatformTransactionManager transactions) {
		this.timetables = timetables;
		this.programme = programme;
		this.catalog = catalog;
		this.publications = publications;
		this.handover = handover;
		this.triggers = triggers;
		this.catchUp = settings.catchUp();
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Fires the occurrence of a slot planned at {@code occurrence}.
	 * @return how many publications the occurrence has
	 */
	int fire(String slotKey, Instant occurrence) {
		Instant now = this.clock.instant();
		Optional<Slot> found = this.timetables.current().slot(slotKey);
		if (found.isEmpty() || found.get().kind() == SlotKind.ON_PUBLISH) {
			log.info("Slot {} is no longer in the timetable: its trigger is removed", slotKey);
			this.triggers.unschedule(EngineTriggers.SLOTS, slotKey);
			return 0;
		}
		Slot slot = found.get();
		if (occurrence.isAfter(now)) {
			// fired before its time on the application's clock: wait for it
			schedule(slot, occurrence);
			return 0;
		}
		Integer recorded = this.transaction.execute((status) -> {
			int count = 0;
			Instant horizon = now.minus(this.catchUp);
			Instant after = occurrence;
			if (occurrence.isBefore(horizon)) {
				log.warn("Slot {}: occurrences from {} until {} are more than {} old: skipped, nothing recorded",
						slotKey, occurrence, horizon, readable(this.catchUp));
				after = horizon.minusNanos(1);
			}
			else {
				count = record(slot, occurrence);
			}
			Optional<ZonedDateTime> next = slot.recurrence().next(after, this.programme.zone());
			if (next.isPresent()) {
				schedule(slot, next.get().toInstant());
			}
			else {
				this.triggers.unschedule(EngineTriggers.SLOTS, slotKey);
			}
			return count;
		});
		this.handover.run(now);
		return (recorded != null) ? recorded : 0;
	}

	/** A duration as people write it: {@code 7d}, {@code 36h}, {@code 90m}. */
	private static String readable(Duration duration) {
		if (duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
			return duration.toDays() + "d";
		}
		return (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) ? duration.toHours() + "h"
				: duration.toMinutes() + "m";
	}

	/** Schedules the trigger of a slot for an occurrence. */
	void schedule(Slot slot, Instant occurrence) {
		this.triggers.schedule(EngineTriggers.SLOTS, slot.key(), occurrence, SlotDefinition.hash(slot));
	}

	private int record(Slot slot, Instant occurrence) {
		int count = 0;
		for (Placement placement : this.programme.programme()
			.place(slot, occurrence, this.catalog.releasable(), Airings.before(this.publications, occurrence))) {
			for (Placement.Entry entry : placement.entries()) {
				this.publications.record(entry.itemId(), slot.channel(), placement.target(), occurrence,
						new Publications.Origin(slot.key(), entry.campaign()));
				count++;
			}
		}
		log.info("Slot {} at {}: {} publication(s)", slot.key(), occurrence, count);
		return count;
	}

}
