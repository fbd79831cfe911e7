package vn.bantin.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemView;
import vn.bantin.content.Priority;

/**
 * Checks a whole timetable, as merged from every file, for what no single file shows:
 * references to zones, lists, slots, plans and themes that do not exist, slots that can
 * never occur or do not suit their channel, radio slots overlapping on a zone, and (as
 * warnings) radio programmes longer than their slot and approved radio items that no
 * campaign airs. Pure: the caller gives the time to check from, the themes and the items.
 */
final class TimetableCheck {

	/** How far ahead overlapping radio slots are looked for. */
	static final Duration OVERLAP_HORIZON = Duration.ofDays(366);

	/** How far ahead radio programmes are planned to check they fit their slots. */
	static final Duration CAPACITY_HORIZON = Duration.ofDays(8 * 7);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	private final Set<String> themes;

	private final Map<String, List<String>> plans;

	private final Function<ItemView, Duration> airTime;

	/**
	 * @param zone the commune's zone, whose wall clock slots follow
	 * @param themes every theme key the plans define
	 * @param plans each plan's theme keys, by plan id
	 * @param airTime the estimated air time of a radio item
	 */
	TimetableCheck(ZoneId zone, Set<String> themes, Map<String, List<String>> plans,
			Function<ItemView, Duration> airTime) {
		this.zone = zone;
		this.themes = Set.copyOf(themes);
		this.plans = Map.copyOf(plans);
		this.airTime = airTime;
	}

	/**
	 * Everything wrong with a timetable, errors and warnings.
	 * @param timetable the merged timetable
	 * @param where where its entries are written
	 * @param from the time to check from (usually now)
	 * @param items the items, for the capacity of radio slots and the items no campaign
	 * airs; only approved ones count
	 */
	List<ScheduleProblem> check(Timetable timetable, Locations where, Instant from, Collection<ItemView> items) {
		List<ScheduleProblem> problems = new ArrayList<>();
		Set<String> zones = timetable.zones().stream().map(Timetable.Zone::key).collect(Collectors.toSet());
		Set<String> lists = timetable.lists().stream().map(Timetable.MailingList::key).collect(Collectors.toSet());
		for (Slot slot : timetable.slots()) {
			checkSlot(slot, zones, lists, where, from, problems);
		}
		for (Campaign campaign : timetable.campaigns()) {
			checkCampaign(campaign, timetable, where, problems);
		}
		overlaps(timetable, where, from, problems);
		// planning a timetable with errors would only repeat them
		if (!items.isEmpty() && problems.stream().allMatch(ScheduleProblem::warning)) {
			List<ItemView> approved = items.stream().filter((item) -> item.releaseAt().isPresent()).toList();
			capacity(timetable, where, from, approved, problems);
			unaired(timetable, where, from, approved, problems);
		}
		return List.copyOf(problems);
	}

	private void checkSlot(Slot slot, Set<String> zones, Set<String> lists, Locations where, Instant from,
			List<ScheduleProblem> problems) {
		String what = "slot '" + slot.key() + "'";
		if (slot.channel() == Channel.EMAIL && slot.list() == null) {
			problems.add(at(where, "slots", slot, null)
				.error(what + ": an email slot needs 'list', the list it goes to (e.g. list: can-bo-cong-chuc)"));
		}
		if (slot.list() != null && !lists.contains(slot.list())) {
			problems.add(at(where, "slots", slot, "list")
				.error("field 'slots.list': unknown list '" + slot.list() + "' (lists: " + sorted(lists) + ")"));
		}
		for (String zoneKey : slot.zones()) {
			if (!zones.contains(zoneKey)) {
				problems.add(at(where, "slots", slot, "zones#" + zoneKey)
					.error("field 'slots.zones': unknown zone '" + zoneKey + "' (zones: " + sorted(zones) + ")"));
			}
		}
		if (slot.kind() == SlotKind.DIGEST && slot.channel() != Channel.EMAIL) {
			problems.add(at(where, "slots", slot, "kind")
				.error("field 'slots.kind': a digest gathers items into one email; only email slots can be digests"));
		}
		if (slot.kind() == SlotKind.ON_PUBLISH && slot.channel() == Channel.RADIO) {
			problems.add(at(where, "slots", slot, "kind").error(
					"field 'slots.kind': the radio plays at set times; a radio slot is timed (e.g. times: [\"06:00\"])"));
		}
		if (slot.channel() == Channel.RADIO && slot.kind() == SlotKind.TIMED && slot.length().isZero()) {
			problems.add(at(where, "slots", slot, "length")
				.error(what + ": a radio slot needs 'length', how long it is on air (e.g. length: 30m)"));
		}
		if (slot.recurrence() != null && slot.recurrence().next(from, this.zone).isEmpty()) {
			problems.add(at(where, "slots", slot, null).error(what + " never occurs in the "
					+ Recurrence.NEXT_HORIZON_YEARS + " years from " + from.atZone(this.zone).toLocalDate()
					+ " (check its dates, ranges, days and excluded dates)"));
		}
	}

	private void checkCampaign(Campaign campaign, Timetable timetable, Locations where,
			List<ScheduleProblem> problems) {
		for (String slotKey : campaign.slots()) {
			if (timetable.slot(slotKey).isEmpty()) {
				problems.add(at(where, "campaigns", campaign, "slots#" + slotKey)
					.error("field 'campaigns.slots': unknown slot '" + slotKey + "' (slots: "
							+ sorted(timetable.slots().stream().map(Slot::key).collect(Collectors.toSet())) + ")"));
			}
			else if (timetable.slot(slotKey).get().kind() != SlotKind.TIMED) {
				problems
					.add(at(where, "campaigns", campaign, "slots#" + slotKey).error("field 'campaigns.slots': slot '"
							+ slotKey + "' is " + timetable.slot(slotKey).get().kind().key()
							+ " and takes every item itself; campaigns fill timed slots"));
			}
		}
		if (campaign.plan() != null && !this.plans.containsKey(campaign.plan())) {
			problems.add(at(where, "campaigns", campaign, "plan").error("field 'campaigns.plan': unknown plan '"
					+ campaign.plan() + "' (plans: " + sorted(this.plans.keySet()) + ")"));
		}
		List<String> planThemes = (campaign.plan() != null) ? this.plans.get(campaign.plan()) : null;
		for (String theme : campaign.themes()) {
			if (!this.themes.contains(theme)) {
				problems.add(at(where, "campaigns", campaign, "themes#" + theme).error("field 'campaigns.themes': "
						+ "no plan has theme '" + theme + "' (themes: " + sorted(this.themes) + ")"));
			}
			else if (planThemes != null && !planThemes.contains(theme)) {
				problems.add(at(where, "campaigns", campaign, "themes#" + theme).error("field 'campaigns.themes': "
						+ "theme '" + theme + "' is not a theme of plan '" + campaign.plan() + "'"));
			}
		}
	}

	/** The first overlap of every two radio slots that share a zone. */
	private void overlaps(Timetable timetable, Locations where, Instant from, List<ScheduleProblem> problems) {
		List<Slot> radio = timetable.slots()
			.stream()
			.filter((slot) -> slot.channel() == Channel.RADIO && slot.kind() == SlotKind.TIMED
					&& slot.recurrence() != null && !slot.length().isZero())
			.toList();
		Instant to = from.plus(OVERLAP_HORIZON);
		List<List<ZonedDateTime>> occurrences = radio.stream()
			.map((slot) -> slot.recurrence().occurrences(from, to, this.zone))
			.toList();
		for (int i = 0; i < radio.size(); i++) {
			for (int j = i + 1; j < radio.size(); j++) {
				Slot a = radio.get(i);
				Slot b = radio.get(j);
				String sharedZone = sharedZone(a, b);
				if (sharedZone == null) {
					continue;
				}
				ZonedDateTime[] overlap = firstOverlap(occurrences.get(i), a.length(), occurrences.get(j), b.length());
				if (overlap != null) {
					problems.add(at(where, "slots", b, null).error("radio slots '" + a.name() + "' (" + a.key()
							+ ") and '" + b.name() + "' (" + b.key() + ") overlap on "
							+ (sharedZone.equals(Slot.ALL) ? "the whole commune" : "zone '" + sharedZone + "'") + ": "
							+ WHEN.format(overlap[0]) + " (" + a.length().toMinutes() + " min) and "
							+ WHEN.format(overlap[1]) + " (" + b.length().toMinutes()
							+ " min); move one or give them different zones"));
				}
			}
		}
	}

	/** A zone both slots play in ({@code *} when both play everywhere), or null. */
	private static String sharedZone(Slot a, Slot b) {
		if (a.zones().isEmpty()) {
			return b.zones().isEmpty() ? Slot.ALL : b.zones().stream().sorted().findFirst().get();
		}
		if (b.zones().isEmpty()) {
			return a.zones().stream().sorted().findFirst().get();
		}
		Set<String> shared = new HashSet<>(a.zones());
		shared.retainAll(b.zones());
		return shared.stream().sorted().findFirst().orElse(null);
	}

	private static ZonedDateTime[] firstOverlap(List<ZonedDateTime> a, Duration lengthA, List<ZonedDateTime> b,
			Duration lengthB) {
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			Instant startA = a.get(i).toInstant();
			Instant startB = b.get(j).toInstant();
			if (startA.isBefore(startB.plus(lengthB)) && startB.isBefore(startA.plus(lengthA))) {
				return new ZonedDateTime[] { a.get(i), b.get(j) };
			}
			if (startA.plus(lengthA).isAfter(startB.plus(lengthB))) {
				j++;
			}
			else {
				i++;
			}
		}
		return null;
	}

	/** Each radio occurrence of the coming weeks whose items do not fit its length. */
	private void capacity(Timetable timetable, Locations where, Instant from, List<ItemView> items,
			List<ScheduleProblem> problems) {
		Programme programme = new Programme(timetable, this.zone, this.airTime);
		for (Placement placement : programme.plan(from, from.plus(CAPACITY_HORIZON), items, Airings.none())) {
			Slot slot = placement.slot();
			if (slot.channel() != Channel.RADIO || placement.overflow().isZero()) {
				continue;
			}
			problems.add(at(where, "slots", slot, null).warning("radio slot '" + slot.name() + "' (" + slot.key()
					+ ") on " + WHEN.format(placement.at().atZone(this.zone)) + ", "
					+ (placement.target().equals(Slot.ALL) ? "whole commune" : "zone '" + placement.target() + "'")
					+ ": " + placement.entries().size() + " item(s) take " + human(placement.estimated()) + " for a "
					+ human(slot.length()) + " slot, " + human(placement.overflow())
					+ " too long; lower the campaigns' per-slot or lengthen the slot"));
		}
	}

	/**
	 * Approved radio items that no campaign of a radio slot selects: they will not air
	 * (emergency items always do).
	 */
	private void unaired(Timetable timetable, Locations where, Instant from, List<ItemView> items,
			List<ScheduleProblem> problems) {
		List<Campaign> radioCampaigns = timetable.campaigns()
			.stream()
			.filter((campaign) -> campaign.slots()
				.stream()
				.anyMatch((key) -> timetable.slot(key).map((slot) -> slot.channel() == Channel.RADIO).orElse(false)))
			.toList();
		Locations.Place place = radioCampaigns.isEmpty() ? timetable.slots()
			.stream()
			.filter((slot) -> slot.channel() == Channel.RADIO)
			.findFirst()
			.map((slot) -> at(where, "slots", slot, null))
			.orElse(null) : at(where, "campaigns", radioCampaigns.get(0), null);
		if (place == null) {
			// no radio in the timetable at all: nothing is expected to air
			return;
		}
		for (ItemView item : items) {
			if (!item.channels().contains(Channel.RADIO) || item.priority() == Priority.EMERGENCY
					|| !item.liveAt(from)) {
				continue;
			}
			if (radioCampaigns.stream().noneMatch((campaign) -> campaign.selects(item))) {
				problems.add(place.warning("approved radio item '" + item.id() + "'"
						+ ((item.sourceFile() != null) ? " (" + item.sourceFile() + ")" : "")
						+ " is selected by no campaign of a radio slot, so it will not air; add its theme, tag or id"
						+ " to a campaign, or leave 'radio' out of its channels"));
			}
		}
	}

	private static Locations.Place at(Locations where, String section, Object entry, String field) {
		String key;
		String source;
		if (entry instanceof Slot slot) {
			key = slot.key();
			source = slot.source();
		}
		else {
			Campaign campaign = (Campaign) entry;
			key = campaign.key();
			source = campaign.source();
		}
		Locations.Place place = where.of(section, key, field);
		return (place != null) ? place : new Locations.Place((source != null) ? source : "(admin)", 1, 1);
	}

	private static String sorted(Collection<String> keys) {
		return keys.isEmpty() ? "none" : String.join(", ", keys.stream().sorted().toList());
	}

	static String human(Duration duration) {
		long seconds = duration.toSeconds();
		StringBuilder text = new StringBuilder();
		if (seconds >= 3600) {
			text.append(seconds / 3600).append("h");
		}
		if (seconds % 3600 >= 60) {
			text.append((seconds % 3600) / 60).append("m");
		}
		if (seconds % 60 != 0 || text.isEmpty()) {
			text.append(seconds % 60).append("s");
		}
		return text.toString();
	}

}
