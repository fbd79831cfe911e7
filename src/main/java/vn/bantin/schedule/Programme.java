package vn.bantin.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import vn.bantin.content.ItemView;

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

	private final Timetable timetable;

	private final ZoneId zone;

	private final Function<ItemView, Duration> airTime;

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
	}

	public Timetable timetable() {
		return this.timetable;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * The occurrences of the timed and digest slots at or after {@code from} and before
	 * {@code to}, sorted by time, then by slot order in the timetable.
	 */
	public List<Occurrence> occurrences(Instant from, Instant to) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * What one occurrence of a timed or digest slot carries, one placement per target
	 * (targets with no item included, with no entries). Pure.
	 */
	public List<Placement> place(Slot slot, Instant at, Collection<ItemView> items, Airings airings) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Everything planned at or after {@code from} and before {@code to}: every occurrence
	 * of timed and digest slots placed in time order, the airings of each counted for the
	 * next (starting from {@code airings}), plus the on-publish placements of items
	 * released in the range; sorted by time, then slot order, then target. Targets with
	 * nothing placed are left out.
	 */
	public List<Placement> plan(Instant from, Instant to, Collection<ItemView> items, Airings airings) {
		throw new UnsupportedOperationException("not yet");
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
