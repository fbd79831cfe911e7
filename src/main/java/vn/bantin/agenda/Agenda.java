package vn.bantin.agenda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.publishing.Publications;
import vn.bantin.publishing.Publications.PublicationView;
import vn.bantin.system.RuleViolation;
import vn.bantin.timetable.Airings;
import vn.bantin.timetable.Placement;
import vn.bantin.timetable.Programme;
import vn.bantin.timetable.ProgrammeInForce;
import vn.bantin.timetable.Slot;
import vn.bantin.timetable.Timetable;

/**
 * What goes out when, for any range: the occurrences the {@link Programme} plans from now
 * on, and the publications recorded in the range (what happened), with their conflicts
 * marked (radio occurrences that play on a shared zone at the same time, and items whose
 * estimated air time overruns their slot). Computed without side effects: it reads the
 * timetable, the items and the publications, and writes nothing, so the admin calendar,
 * the JSON API and the calendar feeds may ask it as often as they like.
 */
@Service
public class Agenda {

	/** The longest range one question may cover (about a quarter). */
	public static final Duration MAX_RANGE = Duration.ofDays(92);

	private final ProgrammeInForce programmeInForce;

	private final ItemCatalog catalog;

	private final Publications publications;

	private final Clock clock;

	Agenda(ProgrammeInForce programmeInForce, ItemCatalog catalog, Publications publications, Clock clock) {
		this.programmeInForce = programmeInForce;
		this.catalog = catalog;
		this.publications = publications;
		this.clock = clock;
	}

	/**
	 * The zone of the commune in scope, in which its agenda is shown: read on every call,
	 * as one bean serves every commune.
	 */
	public ZoneId zone() {
		return this.programmeInForce.zone();
	}

	/**
	 * The agenda at or after {@code from} and before {@code to}: occurrences before now
	 * as recorded, occurrences from now on as planned (a recorded occurrence replaces the
	 * planned one of the same slot, start and target).
	 * @throws RuleViolation when {@code to} is not after {@code from} or the range is
	 * longer than {@link #MAX_RANGE} (field {@code to})
	 */
	public AgendaRange between(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!to.isAfter(from)) {
			throw new RuleViolation("to", "agenda.error.range-order");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new RuleViolation("to", "agenda.error.range-too-long");
		}
		Instant now = this.clock.instant();
		// the engine's programme: the same timetable, zone and reading time
		Programme programme = this.programmeInForce.programme();
		Timetable timetable = programme.timetable();
		List<ItemView> items = this.catalog.releasable();
		Map<String, ItemView> known = new HashMap<>();
		items.forEach((item) -> known.put(item.id(), item));
		Function<ItemView, Duration> airTime = programme::airTime;

		List<AgendaEntry> entries = new ArrayList<>(recorded(from, to, timetable, known, airTime));
		Set<String> recordedKeys = new HashSet<>();
		entries.forEach((entry) -> recordedKeys.add(entry.key()));
		Instant planFrom = from.isAfter(now) ? from : now;
		if (planFrom.isBefore(to)) {
			for (Placement placement : programme.plan(planFrom, to, items, Airings.of(this.publications))) {
				AgendaEntry entry = planned(placement, timetable);
				if (!recordedKeys.contains(entry.key())) {
					entries.add(entry);
				}
			}
		}
		Map<String, Integer> slotOrder = new HashMap<>();
		for (int i = 0; i < timetable.slots().size(); i++) {
			slotOrder.put(timetable.slots().get(i).key(), i);
		}
		entries.sort(Comparator.comparing(AgendaEntry::start)
			.thenComparing((entry) -> slotOrder.getOrDefault(entry.slot(), Integer.MAX_VALUE))
			.thenComparing((entry) -> String.valueOf(entry.slot()))
			.thenComparing(AgendaEntry::target));
		return new AgendaRange(from, to, zone(), now, Conflicts.mark(entries));
	}

	private AgendaEntry planned(Placement placement, Timetable timetable) {
		Slot slot = placement.slot();
		List<AgendaEntry.Line> lines = placement.entries()
			.stream()
			.map((entry) -> new AgendaEntry.Line(entry.itemId(), entry.title(), entry.priority(), entry.campaign(),
					entry.estimated(), null, null, null))
			.toList();
		return new AgendaEntry(slot.key(), slot.name(), slot.channel(), placement.target(),
				targetName(timetable, slot.channel(), placement.target()), placement.at(), placement.end(), false,
				lines, List.of());
	}

	/** The recorded publications in the range, one entry per slot, start and target. */
	private List<AgendaEntry> recorded(Instant from, Instant to, Timetable timetable, Map<String, ItemView> known,
			Function<ItemView, Duration> airTime) {
		Map<List<Object>, List<PublicationView>> groups = new LinkedHashMap<>();
		for (PublicationView publication : this.publications.between(from, to)) {
			groups
				.computeIfAbsent(List.of(String.valueOf(publication.slot()), publication.channel(),
						publication.target(), publication.occurrence()), (key) -> new ArrayList<>())
				.add(publication);
		}
		List<AgendaEntry> entries = new ArrayList<>();
		for (List<PublicationView> group : groups.values()) {
			PublicationView first = group.get(0);
			Optional<Slot> slot = Optional.ofNullable(first.slot()).flatMap(timetable::slot);
			Duration length = slot.map(Slot::length).orElse(Duration.ZERO);
			List<AgendaEntry.Line> lines = new ArrayList<>();
			for (PublicationView publication : group) {
				ItemView item = known.computeIfAbsent(publication.itemId(), (id) -> this.catalog.item(id).orElse(null));
				Duration estimated = (item != null && publication.channel() == Channel.RADIO) ? airTime.apply(item)
						: Duration.ZERO;
				lines.add(new AgendaEntry.Line(publication.itemId(), (item != null) ? item.title() : null,
						(item != null) ? item.priority() : null, publication.campaign(), estimated,
						publication.status(), publication.reason(), publication.publishedAt()));
			}
			entries.add(new AgendaEntry(first.slot(), slot.map(Slot::name).orElse(first.slot()), first.channel(),
					first.target(), targetName(timetable, first.channel(), first.target()), first.occurrence(),
					first.occurrence().plus(length), true, lines, List.of()));
		}
		return entries;
	}

	private static String targetName(Timetable timetable, Channel channel, String target) {
		if (Slot.ALL.equals(target)) {
			return null;
		}
		if (channel == Channel.EMAIL) {
			return timetable.lists()
				.stream()
				.filter((list) -> list.key().equals(target))
				.map(Timetable.MailingList::name)
				.findFirst()
				.orElse(null);
		}
		return timetable.zones()
			.stream()
			.filter((zone) -> zone.key().equals(target))
			.map(Timetable.Zone::name)
			.findFirst()
			.orElse(null);
	}

}
