package vn.bantin.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.bantin.content.Channel;
import vn.bantin.cluster.ChangedElsewhere;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemChanged;
import vn.bantin.content.ItemView;
import vn.bantin.publishing.PublicationStatus;
import vn.bantin.publishing.Publications;
import vn.bantin.agenda.Agenda;
import vn.bantin.agenda.AgendaEntry;
import vn.bantin.agenda.AgendaRange;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.timetable.TimetableChanged;
import vn.bantin.text.Timestamps;

/**
 * Today's programme of the commune loudspeaker radio for the home page: the radio
 * occurrences of the commune's day (midnight to midnight in its zone), from the
 * {@link Agenda}, played ones as recorded and the rest as planned.
 *
 * <p>
 * Only items residents may see on the site now are named, with a link: an item approved
 * for a later hour, or one meant for the radio only, is not announced on the web before
 * its time (it may carry a zone's private matter or be withdrawn), so such a line is left
 * out and the bulletin shows just its time and name.
 *
 * <p>
 * The agenda knows the past only from what was recorded: a bulletin of earlier today that
 * carried nothing (no publication recorded) is no longer listed once its time has passed.
 *
 * <p>
 * The programme changes during the day (a bulletin plays, a campaign moves on, the
 * timetable is edited), so {@link Day#changedAt()} says when this node first saw the
 * programme as it is now: the home page's Last-Modified takes it into account.
 */
@Component
class RadioToday {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/** Recorded outcomes of an occurrence that did not go on air. */
	private static final Set<PublicationStatus> NOT_PLAYED = Set.of(PublicationStatus.MISSED, PublicationStatus.FAILED,
			PublicationStatus.AWAITING_CONFIRMATION);

	private final Agenda agenda;

	private final ItemCatalog catalog;

	private final Clock clock;

	/**
	 * How long a computed programme serves: a bulletin that starts or plays shows within
	 * this delay.
	 */
	static final Duration FRESH_FOR = Duration.ofSeconds(10);

	/** When each commune's programme last changed, by commune id. */
	private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

	/** Each commune's programme as last computed, by commune id. */
	private final Map<Long, Computed> computed = new ConcurrentHashMap<>();

	private final CommuneTenancy tenancy;

	RadioToday(Agenda agenda, ItemCatalog catalog, Clock clock, CommuneTenancy tenancy) {
		this.agenda = agenda;
		this.catalog = catalog;
		this.clock = clock;
		this.tenancy = tenancy;
	}

	/**
	 * Today's radio bulletins, in time order; computed at most every {@link #FRESH_FOR}
	 * (planning the day reads every releasable item), sooner when an item or the
	 * timetable changes. Each commune's, in the scope of the request.
	 */
	Day today() {
		long commune = this.tenancy.commune();
		Instant now = this.clock.instant();
		ZoneId zone = this.agenda.zone();
		LocalDate date = LocalDate.ofInstant(now, zone);
		Computed last = this.computed.get(commune);
		if (last != null && last.day().date().equals(date) && !now.isBefore(last.at())
				&& now.isBefore(last.at().plus(FRESH_FOR))) {
			return last.day();
		}
		Day day = compute(commune, now, zone, date);
		this.computed.put(commune, new Computed(day, now));
		return day;
	}

	/** An item changed (published, edited, withdrawn): plan the day again. */
	@TransactionalEventListener(fallbackExecution = true)
	void itemChanged(ItemChanged changed) {
		this.computed.clear();
	}

	/**
	 * An item or the timetable changed on another node: plan the commune's day again here
	 * too (the other node re-planned the scheduler).
	 */
	@EventListener
	void changedElsewhere(ChangedElsewhere changed) {
		if (changed.is(ItemChanged.TOPIC)) {
			if (changed.commune() > 0) {
				this.computed.remove(changed.commune());
			}
			else {
				this.computed.clear();
			}
		}
	}

	/** The timetable changed: plan the day again. */
	@TransactionalEventListener(fallbackExecution = true)
	void timetableChanged(TimetableChanged changed) {
		this.computed.remove(changed.commune());
	}

	private Day compute(long commune, Instant now, ZoneId zone, LocalDate date) {
		Instant midnight = date.atStartOfDay(zone).toInstant();
		AgendaRange range = this.agenda.between(midnight, date.plusDays(1).atStartOfDay(zone).toInstant());
		List<Bulletin> bulletins = range.of(Channel.RADIO).stream().map((entry) -> bulletin(entry, zone, now)).toList();
		String fingerprint = date + "|" + bulletins;
		Seen current = this.seen.get(commune);
		if (current == null || !current.fingerprint().equals(fingerprint)) {
			current = new Seen(fingerprint, now);
			this.seen.put(commune, current);
		}
		Instant changedAt = current.at().isAfter(midnight) ? current.at() : midnight;
		return new Day(date, bulletins, changedAt, Integer.toHexString(fingerprint.hashCode()));
	}

	private Bulletin bulletin(AgendaEntry entry, ZoneId zone, Instant now) {
		List<Line> lines = entry.items()
			.stream()
			.map(AgendaEntry.Line::itemId)
			.filter(Objects::nonNull)
			.distinct()
			.map(this.catalog::item)
			.flatMap(java.util.Optional::stream)
			.filter((item) -> item.visibleAt(now, Channel.WEB))
			.map((ItemView item) -> new Line(item.slug(), item.title()))
			.toList();
		return new Bulletin(TIME.format(entry.start().atZone(zone)),
				entry.end().isAfter(entry.start()) ? TIME.format(entry.end().atZone(zone)) : null,
				Timestamps.iso(entry.start(), zone), entry.slot(), entry.slotName(), entry.targetName(), state(entry),
				lines);
	}

	private static State state(AgendaEntry entry) {
		if (!entry.recorded()) {
			return State.PLANNED;
		}
		if (entry.items().stream().anyMatch((line) -> line.status() == PublicationStatus.PUBLISHED)) {
			return State.PLAYED;
		}
		boolean given = !entry.items().isEmpty()
				&& entry.items().stream().allMatch((line) -> NOT_PLAYED.contains(line.status()));
		return given ? State.NOT_PLAYED : State.PLANNED;
	}

	/**
	 * The radio programme of one day.
	 *
	 * @param date the commune's date
	 * @param bulletins the occurrences, by start
	 * @param changedAt when the programme last changed, as far as this node knows
	 * @param fingerprint a short digest of what is shown
	 */
	record Day(LocalDate date, List<Bulletin> bulletins, Instant changedAt, String fingerprint) {

		Day {
			bulletins = List.copyOf(bulletins);
		}

	}

	/**
	 * One radio occurrence.
	 *
	 * @param start its start, {@code 06:00}
	 * @param end its end, {@code 06:30}, or null when the slot has no length
	 * @param datetime its start as an HTML {@code datetime}
	 * @param slot the slot's key, or a marker ({@code emergency}, {@code publish-now})
	 * @param name the slot's name, or the marker
	 * @param zone the speaker zone's name, or null for the whole commune
	 * @param state played, not played (missed or failed) or still planned
	 * @param items what it carries that residents may read on the site
	 */
	record Bulletin(String start, String end, String datetime, String slot, String name, String zone, State state,
			List<Line> items) {

		Bulletin {
			items = List.copyOf(items);
		}

		/** Whether it is an emergency broadcast rather than a timetable slot. */
		public boolean emergency() {
			return Publications.Origin.emergency(this.slot);
		}

		/**
		 * Whether it is an item put out at once by an editor rather than a timetable
		 * slot.
		 */
		public boolean publishedNow() {
			return Publications.Origin.publishedNow(this.slot);
		}

	}

	/**
	 * Where an occurrence stands for residents: still to come (or going out now), on air
	 * (at least one item went out), or not played (missed after downtime, failed).
	 */
	enum State {

		PLANNED, PLAYED, NOT_PLAYED;

		/** The message key of its label. */
		public String message() {
			return "home.radio." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	/** An item in a bulletin, visible on the site, by its slug. */
	record Line(String id, String title) {
	}

	private record Seen(String fingerprint, Instant at) {
	}

	private record Computed(Day day, Instant at) {
	}

}
