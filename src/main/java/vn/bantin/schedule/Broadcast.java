package vn.bantin.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;
import vn.bantin.content.Priority;
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.Publications;
import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.SlotKind;
import vn.bantin.timetable.Timetables;

/**
 * Puts an item out at once on every one of its channels, outside the plan: the "publish
 * now" button, and approved emergency items, which pre-empt the plan.
 *
 * <p>
 * One publication per channel and target, at the moment asked: web and feeds to
 * {@code *}, email to every list that has an email slot (on publish or digest), radio to
 * each of the item's zones ({@code *} when it has none); never a second one where the
 * item already went out or will ({@link Publications#recordOnce}, guaranteed by a unique
 * key in the database). Their origin is {@value #PUBLISH_NOW}, or {@value #EMERGENCY} for
 * an emergency item, whose radio publications repeat
 * {@code bantin.schedule.emergency-repeats} times {@code emergency-interval} apart (now,
 * +15 min, +30 min by default): the later ones stay planned and go out at their time.
 * These repeats are the one documented exception to "once per channel and target": they
 * are recorded with the first play and only then; "publish now" on a zone that already
 * carries the emergency adds no new series. The due ones are handed over at once.
 *
 * <p>
 * The approval of an emergency item schedules a persistent immediate trigger in the
 * approval's transaction ({@link #scheduleEmergency}), so the item goes out even if the
 * application stops right after the approval.
 */
@Service
public class Broadcast {

	/** The origin of publications made by "publish now". */
	static final String PUBLISH_NOW = Publications.Origin.PUBLISH_NOW;

	/** The origin of publications of an approved emergency item. */
	static final String EMERGENCY = Publications.Origin.EMERGENCY;

	private static final Logger log = LoggerFactory.getLogger(Broadcast.class);

	private final ItemCatalog catalog;

	private final Timetables timetables;

	private final Publications publications;

	private final Handover handover;

	private final EngineTriggers triggers;

	private final ScheduleSettings settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Broadcast(ItemCatalog catalog, Timetables timetables, Publications publications, Handover handover,
			EngineTriggers triggers, ScheduleSettings settings, Clock clock, PlatformTransactionManager transactions) {
		this.catalog = catalog;
		this.timetables = timetables;
		this.publications = publications;
		this.handover = handover;
		this.triggers = triggers;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Puts the item out now on each of its channels and targets that does not carry it
	 * yet, and hands the due publications over. A channel and target that already has a
	 * publication of the item that went out or will (its release on an on-publish slot,
	 * an earlier "publish now", a timed slot, an email still awaiting confirmation) is
	 * left as it is and reported as already done: pressing the button twice, or on two
	 * nodes at once, or right after the approval released the item, puts nothing out
	 * twice.
	 * @param itemId the item
	 * @param actor who asked (for the log)
	 * @return the publications recorded, as they stand after the hand-over, and those
	 * that were already there
	 * @throws PublishNowRefused when the item does not exist, or is not approved or
	 * published, or has expired
	 */
	public PublishedNow publishNow(String itemId, String actor) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		ItemView item = releasable(itemId, now);
		PublishedNow done = put(item, now, now, () -> {
		});
		log.info("{} put item {} out now: added {}, already there {}", actor, itemId, pairs(done.added()),
				pairs(done.alreadyDone()));
		return done;
	}

	private static List<String> pairs(List<Publications.PublicationView> publications) {
		return publications.stream().map((p) -> p.channel().key() + "→" + p.target()).toList();
	}

	/**
	 * Puts an approved emergency item out, for the moment it was released
	 * ({@code occurrence}); run by the trigger {@link #scheduleEmergency} set. A repeated
	 * run records nothing new.
	 * @return the publications recorded, as they stand after the hand-over, and those
	 * already there; empty when the item may no longer go out
	 */
	PublishedNow emergency(String itemId, Instant occurrence) {
		Instant now = this.clock.instant();
		ItemView item;
		try {
			item = releasable(itemId, now);
		}
		catch (PublishNowRefused refused) {
			log.info("Emergency item {} no longer goes out: {}", itemId, refused.getMessage());
			this.triggers.unschedule(EngineTriggers.EMERGENCIES, itemId);
			return new PublishedNow(List.of(), List.of());
		}
		// the trigger goes with the publications it made, in one transaction
		return put(item, occurrence, now, () -> this.triggers.unschedule(EngineTriggers.EMERGENCIES, itemId));
	}

	/**
	 * Schedules the immediate trigger that puts an emergency item out at its release
	 * time, in the caller's transaction. Does nothing for other items, or an item that
	 * already has publications.
	 * @return whether a trigger was scheduled
	 */
	boolean scheduleEmergency(ItemView item) {
		if (item.priority() != Priority.EMERGENCY || item.releaseAt().isEmpty() || !item.liveAt(this.clock.instant())
				|| this.publications.exists(item.id())) {
			return false;
		}
		this.triggers.schedule(EngineTriggers.EMERGENCIES, item.id(), item.releaseAt().get(), null);
		return true;
	}

	private ItemView releasable(String itemId, Instant now) {
		ItemView item = this.catalog.item(itemId)
			.orElseThrow(() -> new PublishNowRefused(itemId, true, "No item " + itemId));
		if ((item.status() != ItemStatus.APPROVED && item.status() != ItemStatus.PUBLISHED) || !item.liveAt(now)) {
			throw new PublishNowRefused(itemId, false,
					"Item " + itemId + " is " + item.status().name().toLowerCase(java.util.Locale.ROOT)
							+ (item.liveAt(now) ? "" : " and expired")
							+ ": only approved or published, live items go out");
		}
		return item;
	}

	private PublishedNow put(ItemView item, Instant at, Instant now, Runnable andThen) {
		boolean emergency = item.priority() == Priority.EMERGENCY;
		Publications.Origin origin = new Publications.Origin(emergency ? EMERGENCY : PUBLISH_NOW, null);
		List<Long> added = new ArrayList<>();
		List<Publications.PublicationView> already = new ArrayList<>();
		this.transaction.executeWithoutResult((status) -> {
			for (Channel channel : item.channels().stream().sorted().toList()) {
				for (String target : targets(item, channel)) {
					Optional<Publications.Once> first = this.publications.recordOnce(item.id(), channel, target, at,
							origin);
					if (first.isEmpty()) {
						continue;
					}
					Publications.PublicationView carrying = first.get().publication();
					if (first.get().added()) {
						added.add(carrying.id());
					}
					else {
						already.add(carrying);
					}
					// an emergency's radio repeats belong to its first play: recorded
					// with it,
					// or completed by a repeated run of the same broadcast (same
					// occurrence)
					boolean sameBroadcast = first.get().added() || carrying.occurrence().equals(micros(at));
					if (emergency && channel == Channel.RADIO && sameBroadcast) {
						for (int play = 1; play < Math.max(1, this.settings.emergencyRepeats()); play++) {
							Instant occurrence = at.plus(this.settings.emergencyInterval().multipliedBy(play));
							this.publications.record(item.id(), channel, target, occurrence, origin)
								.filter((repeat) -> first.get().added())
								.ifPresent((repeat) -> added.add(repeat.id()));
						}
					}
				}
			}
			andThen.run();
		});
		List<Publications.PublicationView> handed = this.handover.run(now);
		List<Publications.PublicationView> result = new ArrayList<>();
		for (Long id : added) {
			result.add(handed.stream()
				.filter((publication) -> publication.id() == id)
				.findFirst()
				.orElseGet(() -> this.publications.find(id).orElseThrow()));
		}
		return new PublishedNow(result, already);
	}

	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** Where an item goes out on a channel when it is put out at once. */
	private Set<String> targets(ItemView item, Channel channel) {
		Set<String> targets = new LinkedHashSet<>();
		switch (channel) {
			case WEB, FEED -> targets.add(Slot.ALL);
			case EMAIL -> this.timetables.current()
				.slots()
				.stream()
				.filter((slot) -> slot.channel() == Channel.EMAIL && slot.kind() != SlotKind.TIMED)
				.flatMap((slot) -> slot.targets().stream())
				.sorted()
				.forEach(targets::add);
			case RADIO -> {
				if (item.zones().isEmpty()) {
					targets.add(Slot.ALL);
				}
				else {
					item.zones().stream().sorted().forEach(targets::add);
				}
			}
		}
		return targets;
	}

	/**
	 * What "publish now" did.
	 *
	 * @param added the publications it recorded (an emergency's radio repeats included),
	 * as they stand after the hand-over
	 * @param alreadyDone for each channel and target that already carried the item, the
	 * publication that does
	 */
	public record PublishedNow(List<Publications.PublicationView> added,
			List<Publications.PublicationView> alreadyDone) {

		public PublishedNow {
			added = List.copyOf(added);
			alreadyDone = List.copyOf(alreadyDone);
		}

	}

}
