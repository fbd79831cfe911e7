package vn.bantin.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.Publications;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetables;

/**
 * Items on {@link SlotKind#ON_PUBLISH} slots (web pages, feeds, email "on publish"): each
 * releasable item that still lacks a publication on such a slot has one persistent
 * trigger ({@code release:<itemId>}) at its {@linkplain ItemView#releaseAt() release
 * time} (at once when that is past). When it fires, one publication is recorded per
 * on-publish slot of the item's channels and per target, at the release time, unless the
 * item already has one there (it was put out at once), and the due ones are handed over.
 * Those publications are recorded with {@link Publications#recordOnce}: with "publish
 * now" they make at most one publication per channel and target, also when both run at
 * the same moment on two nodes.
 */
@Service
class ItemRelease {

	private final Timetables timetables;

	private final ItemCatalog catalog;

	private final Publications publications;

	private final Handover handover;

	private final EngineTriggers triggers;

	private final Clock clock;

	private final TransactionTemplate transaction;

	ItemRelease(Timetables timetables, ItemCatalog catalog, Publications publications, Handover handover,
			EngineTriggers triggers, Clock clock, PlatformTransactionManager transactions) {
		this.timetables = timetables;
		this.catalog = catalog;
		this.publications = publications;
		this.handover = handover;
		this.triggers = triggers;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Sets, moves or removes the item's release trigger to match what it is now. Joins
	 * the caller's transaction (the item's change), so the trigger commits with it.
	 * @return whether the item has a release trigger afterwards
	 */
	boolean reconcile(String itemId) {
		Optional<ItemView> item = this.catalog.item(itemId);
		Optional<Instant> releaseAt = item.flatMap(ItemView::releaseAt);
		if (releaseAt.isEmpty() || missing(item.get(), releaseAt.get()).isEmpty()) {
			this.triggers.unschedule(EngineTriggers.RELEASES, itemId);
			return false;
		}
		Optional<EngineTriggers.Planned> planned = this.triggers.planned(EngineTriggers.RELEASES, itemId);
		if (planned.isEmpty() || !planned.get().occurrence().equals(releaseAt.get())) {
			this.triggers.schedule(EngineTriggers.RELEASES, itemId, releaseAt.get(), null);
		}
		return true;
	}

	/**
	 * The release trigger of an item fired for the release time {@code occurrence}.
	 * @return the publications recorded
	 */
	List<Publications.PublicationView> fire(String itemId, Instant occurrence) {
		Instant now = this.clock.instant();
		List<Publications.PublicationView> recorded = record(itemId, occurrence, now);
		this.handover.run(now);
		return recorded;
	}

	/**
	 * Records the publications of a release without handing them over: for a caller that
	 * releases many items and hands over once ({@link DueReleases}).
	 * @return the publications recorded
	 */
	List<Publications.PublicationView> record(String itemId, Instant occurrence, Instant now) {
		return this.transaction.execute((status) -> {
			List<Publications.PublicationView> made = new ArrayList<>();
			Optional<ItemView> item = this.catalog.item(itemId);
			Optional<Instant> releaseAt = item.flatMap(ItemView::releaseAt);
			if (releaseAt.isPresent() && releaseAt.get().equals(occurrence) && !occurrence.isAfter(now)) {
				for (Target target : missing(item.get(), occurrence)) {
					// once per channel and target, in the database: a "publish now" that
					// raced this release (another node, the same moment) keeps its own
					this.publications
						.recordOnce(itemId, target.slot().channel(), target.target(), occurrence,
								new Publications.Origin(target.slot().key(), null))
						.filter(Publications.Once::added)
						.ifPresent((once) -> made.add(once.publication()));
				}
				this.triggers.unschedule(EngineTriggers.RELEASES, itemId);
			}
			else {
				// the item changed since (or the clock is behind): plan it again
				reconcile(itemId);
			}
			return made;
		});
	}

	/**
	 * The on-publish slots and targets where the item still has to go out: its channels,
	 * its zones on the radio, live at its release time and now.
	 */
	private List<Target> missing(ItemView item, Instant releaseAt) {
		List<Target> targets = new ArrayList<>();
		Instant now = this.clock.instant();
		if (!item.liveAt(releaseAt) || !item.liveAt(now)) {
			return targets;
		}
		for (Slot slot : this.timetables.current().slots()) {
			if (slot.kind() != SlotKind.ON_PUBLISH || !item.channels().contains(slot.channel())) {
				continue;
			}
			for (String target : slot.targets().stream().sorted().toList()) {
				if (slot.channel() == Channel.RADIO && !item.zones().isEmpty() && !Slot.ALL.equals(target)
						&& !item.zones().contains(target)) {
					continue;
				}
				if (!this.publications.exists(item.id(), slot.channel(), target)) {
					targets.add(new Target(slot, target));
				}
			}
		}
		return targets;
	}

	private record Target(Slot slot, String target) {
	}

}
