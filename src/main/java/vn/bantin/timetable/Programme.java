package vn.bantin.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemView;
import vn.bantin.content.Priority;

/**
 * The planner: for a timetable, which items go out at which occurrence of which slot, to
 * which target, in which order. A pure function of the timetable, the items and the
 * history of airings: no clock, no database, no side effects. The engine asks it what one
 * occurrence carries when the occurrence's trigger fires; the agenda, the calendar feeds,
 * {@code validate} and the tests ask it for whole ranges, and get the same answer the
 * engine will give, as long as nothing changes in between.
 *
 * <p>
 * <b>Rules.</b> An item is a candidate for an occurrence at instant {@code t} of slot
 * {@code s} when it goes out on {@code s}'s channel, its {@linkplain ItemView#releaseAt()
 * release time} is at or before {@code t}, it is {@linkplain ItemView#liveAt live} at
 * {@code t}, and (radio) its zones are empty, or the target is {@link Slot#ALL}, or they
 * contain the target zone.
 * <ul>
 * <li>{@link SlotKind#TIMED}: every live emergency candidate first (it pre-empts the
 * plan, whatever the campaigns say), then for each campaign of the slot, in timetable
 * order, that runs on {@code t}'s local date: its candidates (not placed yet by an
 * earlier campaign) that it selects, that went out fewer than {@code airs} times there
 * and were released less than {@code within} before {@code t}; at most {@code perSlot} of
 * them, chosen and ordered by priority (emergency, priority, normal) and then the
 * campaign's order. Round robin takes one item per theme in turn, starting at the theme
 * {@code total(campaign, target) mod themes}, each theme's item being the one aired
 * least, then the oldest.</li>
 * <li>{@link SlotKind#DIGEST}: every candidate released after the slot's previous
 * occurrence and at or before {@code t}, oldest first.</li>
 * <li>{@link SlotKind#ON_PUBLISH}: one placement per candidate, at its release time.</li>
 * </ul>
 */
public final class Programme {

	/** How far back a digest looks for its previous occurrence. */
	private static final int DIGEST_LOOKBACK_DAYS = 366;

	private final Timetable timetable;

	private final ZoneId zone;

	private final Function<ItemView, Duration> airTime;

	/** Each slot's place in the timetable, by identity: the sort key of plans. */
	private final Map<Slot, Integer> slotIndexes = new java.util.IdentityHashMap<>();

	/**
	 * @param timetable what to follow
	 * @param zone the commune's zone, whose wall clock slots follow
	 * @param airTime the estimated air time of an item on the radio (reading time of its
	 * script, or its recording's length)
	 */
	public Programme(Timetable timetable, ZoneId zone, Function<ItemView, Duration> airTime) {
		this.timetable = Objects.requireNonNull(timetable, "timetable");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.airTime = Objects.requireNonNull(airTime, "airTime");
		for (int i = 0; i < timetable.slots().size(); i++) {
			this.slotIndexes.put(timetable.slots().get(i), i);
		}
	}

	public Timetable timetable() {
		return this.timetable;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * The estimated air time of an item on the radio, as this programme places it: what
	 * the agenda shows for a recorded occurrence too, so that it agrees with the plan.
	 */
	public Duration airTime(ItemView item) {
		return this.airTime.apply(item);
	}

	/**
	 * The occurrences of the timed and digest slots at or after {@code from} and before
	 * {@code to}, sorted by time, then by slot order in the timetable.
	 */
	public List<Occurrence> occurrences(Instant from, Instant to) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (Slot slot : this.timetable.slots()) {
			if (slot.kind() == SlotKind.ON_PUBLISH) {
				continue;
			}
			for (ZonedDateTime at : slot.recurrence().occurrences(from, to, this.zone)) {
				occurrences.add(new Occurrence(slot, at.toInstant()));
			}
		}
		occurrences.sort(Comparator.comparing(Occurrence::at).thenComparingInt((o) -> slotIndex(o.slot())));
		return occurrences;
	}

	/**
	 * What one occurrence of a slot carries, one placement per target in target order
	 * (targets with no item included, with no entries). For an on-publish slot, the items
	 * released exactly at {@code at}. Pure.
	 */
	public List<Placement> place(Slot slot, Instant at, Collection<ItemView> items, Airings airings) {
		Objects.requireNonNull(slot, "slot");
		Objects.requireNonNull(at, "at");
		return new Run(released(items)).place(slot, at, airings);
	}

	/**
	 * Everything planned at or after {@code from} and before {@code to}: every occurrence
	 * of timed and digest slots placed in time order, the airings of each counted for the
	 * next (starting from {@code airings}), plus the on-publish placements of items
	 * released in the range; sorted by time, then slot order, then target. Targets with
	 * nothing placed are left out.
	 */
	public List<Placement> plan(Instant from, Instant to, Collection<ItemView> items, Airings airings) {
		List<Released> released = released(items);
		Map<Channel, Run> byChannel = new EnumMap<>(Channel.class);
		Map<String, Duration> airTimes = new HashMap<>();
		for (Channel channel : Channel.values()) {
			byChannel.put(channel, new Run(
					released.stream().filter((item) -> item.view().channels().contains(channel)).toList(), airTimes));
		}
		CountedAirings counted = new CountedAirings(airings);
		List<Placement> plan = new ArrayList<>();
		for (Occurrence occurrence : occurrences(from, to)) {
			for (Placement placement : byChannel.get(occurrence.slot().channel())
				.place(occurrence.slot(), occurrence.at(), counted)) {
				if (!placement.entries().isEmpty()) {
					plan.add(placement);
					counted.add(placement);
				}
			}
		}
		for (Slot slot : this.timetable.slots()) {
			if (slot.kind() != SlotKind.ON_PUBLISH) {
				continue;
			}
			Run run = byChannel.get(slot.channel());
			for (Released item : run.items) {
				if (item.at().isBefore(from) || !item.at().isBefore(to) || !item.view().liveAt(item.at())) {
					continue;
				}
				for (String target : new TreeSet<>(slot.targets())) {
					plan.add(new Placement(slot, item.at(), target, List.of(run.entry(slot, item, null))));
				}
			}
		}
		plan.sort(Comparator.comparing(Placement::at)
			.thenComparingInt((placement) -> slotIndex(placement.slot()))
			.thenComparing(Placement::target));
		return plan;
	}

	/** The items that have a release time, with it, oldest first. */
	private static List<Released> released(Collection<ItemView> items) {
		List<Released> released = new ArrayList<>(items.size());
		for (ItemView item : items) {
			item.releaseAt().ifPresent((at) -> released.add(new Released(item, at)));
		}
		released.sort(OLDEST);
		return released;
	}

	/**
	 * An item with its release time, computed once per plan rather than per comparison.
	 */
	private record Released(ItemView view, Instant at) {

		String id() {
			return this.view.id();
		}

		Priority priority() {
			return this.view.priority();
		}

	}

	private static final Comparator<Released> OLDEST = Comparator.comparing(Released::at).thenComparing(Released::id);

	private static final Comparator<Released> NEWEST = Comparator.comparing(Released::at)
		.reversed()
		.thenComparing(Released::id);

	/**
	 * Placing occurrences for one set of released items (oldest first), with the air time
	 * of each item estimated once.
	 */
	private final class Run {

		private final List<Released> items;

		private final Map<String, Duration> airTimes;

		Run(List<Released> items) {
			this(items, new HashMap<>());
		}

		Run(List<Released> items, Map<String, Duration> airTimes) {
			this.items = items;
			this.airTimes = airTimes;
		}

		List<Placement> place(Slot slot, Instant at, Airings airings) {
			List<Placement> placements = new ArrayList<>();
			for (String target : new TreeSet<>(slot.targets())) {
				List<Released> candidates = new ArrayList<>();
				for (Released item : this.items) {
					if (item.at().isAfter(at)) {
						break; // oldest first: none of the rest is released yet
					}
					if (candidate(item.view(), slot, at, target)) {
						candidates.add(item);
					}
				}
				List<Placement.Entry> entries = switch (slot.kind()) {
					case ON_PUBLISH -> candidates.stream()
						.filter((item) -> item.at().equals(at))
						.sorted(Comparator.comparing(Released::id))
						.map((item) -> entry(slot, item, null))
						.toList();
					case DIGEST -> digest(slot, at, candidates);
					case TIMED -> timed(slot, at, target, candidates, airings);
				};
				placements.add(new Placement(slot, at, target, entries));
			}
			return placements;
		}

		private List<Placement.Entry> digest(Slot slot, Instant at, List<Released> candidates) {
			List<ZonedDateTime> earlier = slot.recurrence()
				.occurrences(at.atZone(Programme.this.zone).minusDays(DIGEST_LOOKBACK_DAYS).toInstant(), at,
						Programme.this.zone);
			Instant since = earlier.isEmpty() ? at.atZone(Programme.this.zone).minusDays(7).toInstant()
					: earlier.get(earlier.size() - 1).toInstant();
			return candidates.stream()
				.filter((item) -> item.at().isAfter(since))
				.map((item) -> entry(slot, item, null))
				.toList();
		}

		private List<Placement.Entry> timed(Slot slot, Instant at, String target, List<Released> candidates,
				Airings airings) {
			List<Placement.Entry> entries = new ArrayList<>();
			Set<String> placed = new HashSet<>();
			if (slot.channel() == Channel.RADIO) {
				candidates.stream()
					.filter((item) -> item.priority() == Priority.EMERGENCY)
					.sorted(NEWEST)
					.forEach((item) -> {
						entries.add(entry(slot, item, null));
						placed.add(item.id());
					});
			}
			LocalDate date = at.atZone(Programme.this.zone).toLocalDate();
			for (Campaign campaign : Programme.this.timetable.campaignsOf(slot.key())) {
				if (!campaign.runsOn(date)) {
					continue;
				}
				List<Released> pool = new ArrayList<>();
				for (Released item : candidates) {
					if (!placed.contains(item.id()) && campaign.selects(item.view())
							&& (campaign.within() == null || at.isBefore(item.at().plus(campaign.within())))
							&& (campaign.airs() == null
									|| airings.count(campaign.key(), item.id(), target) < campaign.airs())) {
						pool.add(item);
					}
				}
				List<Released> chosen = order(campaign, pool, airings, target);
				if (campaign.perSlot() != null && chosen.size() > campaign.perSlot()) {
					chosen = chosen.subList(0, campaign.perSlot());
				}
				for (Released item : chosen) {
					entries.add(entry(slot, item, campaign.key()));
					placed.add(item.id());
				}
			}
			// priority before campaign order, the campaigns' own order kept inside a
			// level
			List<Placement.Entry> ordered = new ArrayList<>(entries);
			ordered.sort(Comparator.comparingInt((Placement.Entry entry) -> -entry.priority().ordinal()));
			return ordered;
		}

		Placement.Entry entry(Slot slot, Released item, String campaign) {
			Duration estimated = (slot.channel() == Channel.RADIO)
					? this.airTimes.computeIfAbsent(item.id(), (id) -> Programme.this.airTime.apply(item.view()))
					: Duration.ZERO;
			return new Placement.Entry(item.id(), item.view().title(), item.priority(), campaign, estimated);
		}

	}

	/**
	 * Whether an item may go out at an occurrence: on the slot's channel, live, and
	 * (radio) meant for the target zone. Its release is checked by the caller.
	 */
	private static boolean candidate(ItemView item, Slot slot, Instant at, String target) {
		if (!item.channels().contains(slot.channel()) || !item.liveAt(at)) {
			return false;
		}
		return slot.channel() != Channel.RADIO || Slot.ALL.equals(target) || item.zones().isEmpty()
				|| item.zones().contains(target);
	}

	/**
	 * A campaign's pool in the order it goes out: emergency and priority items first
	 * (oldest first), then the normal ones in the campaign's order.
	 */
	private static List<Released> order(Campaign campaign, List<Released> pool, Airings airings, String target) {
		List<Released> ordered = new ArrayList<>();
		pool.stream()
			.filter((item) -> item.priority() != Priority.NORMAL)
			.sorted(Comparator.comparingInt((Released item) -> -item.priority().ordinal()).thenComparing(OLDEST))
			.forEach(ordered::add);
		List<Released> normal = pool.stream().filter((item) -> item.priority() == Priority.NORMAL).toList();
		switch (campaign.order()) {
			case OLDEST -> ordered.addAll(normal); // the pool is oldest first already
			case NEWEST -> normal.stream().sorted(NEWEST).forEach(ordered::add);
			case ROUND_ROBIN -> ordered.addAll(roundRobin(campaign, normal, airings, target));
		}
		return ordered;
	}

	/**
	 * One item per theme in turn, starting at the theme after those the campaign's
	 * earlier airings used; each theme's least-aired item first, then its oldest. An item
	 * belongs to the first of the campaign's themes it serves; items serving none of them
	 * form one more theme, last.
	 */
	private static List<Released> roundRobin(Campaign campaign, List<Released> items, Airings airings, String target) {
		List<String> themes = new ArrayList<>(campaign.themes());
		if (themes.isEmpty()) {
			themes.addAll(new TreeSet<>(items.stream().flatMap((item) -> item.view().themes().stream()).toList()));
		}
		themes.add("");
		Map<String, Deque<Released>> buckets = new LinkedHashMap<>();
		themes.forEach((theme) -> buckets.put(theme, new ArrayDeque<>()));
		Map<String, Integer> counts = new HashMap<>();
		items.forEach((item) -> counts.put(item.id(), airings.count(campaign.key(), item.id(), target)));
		items.stream()
			.sorted(Comparator.comparingInt((Released item) -> counts.get(item.id())).thenComparing(OLDEST))
			.forEach((item) -> buckets
				.get(themes.stream().filter((theme) -> item.view().themes().contains(theme)).findFirst().orElse(""))
				.add(item));
		// themes with nothing to air are skipped, so the others share the occurrences
		List<Deque<Released>> rotating = buckets.values().stream().filter((bucket) -> !bucket.isEmpty()).toList();
		int start = rotating.isEmpty() ? 0 : Math.floorMod(airings.total(campaign.key(), target), rotating.size());
		List<Released> ordered = new ArrayList<>();
		while (ordered.size() < items.size()) {
			for (int k = 0; k < rotating.size(); k++) {
				Deque<Released> bucket = rotating.get((start + k) % rotating.size());
				if (!bucket.isEmpty()) {
					ordered.add(bucket.poll());
				}
			}
		}
		return ordered;
	}

	private int slotIndex(Slot slot) {
		Integer index = this.slotIndexes.get(slot);
		return (index != null) ? index : this.timetable.slots().indexOf(slot);
	}

	/** Airings from history plus those planned so far in a range. */
	private static final class CountedAirings implements Airings {

		private final Airings history;

		private final Map<List<String>, Integer> perItem = new HashMap<>();

		private final Map<List<String>, Integer> perCampaign = new HashMap<>();

		CountedAirings(Airings history) {
			this.history = history;
		}

		void add(Placement placement) {
			for (Placement.Entry entry : placement.entries()) {
				if (entry.campaign() != null) {
					this.perItem.merge(List.of(entry.campaign(), entry.itemId(), placement.target()), 1, Integer::sum);
					this.perCampaign.merge(List.of(entry.campaign(), placement.target()), 1, Integer::sum);
				}
			}
		}

		@Override
		public int count(String campaign, String itemId, String target) {
			return this.history.count(campaign, itemId, target)
					+ this.perItem.getOrDefault(List.of(campaign, itemId, target), 0);
		}

		@Override
		public int total(String campaign, String target) {
			return this.history.total(campaign, target) + this.perCampaign.getOrDefault(List.of(campaign, target), 0);
		}

	}

	/**
	 * One occurrence of a slot.
	 *
	 * @param slot the slot
	 * @param at when it starts
	 */
	public record Occurrence(Slot slot, Instant at) {
	}

}
