package vn.bantin.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import vn.bantin.content.Priority;

/**
 * What one occurrence of a slot carries to one target: the items in the order they go
 * out. The planner's answer, computed without side effects; the engine records one
 * publication per entry, the agenda shows it.
 *
 * @param slot the slot
 * @param at when the occurrence starts (for an on-publish slot, the item's release time)
 * @param target the zone (radio), list (email) or {@link Slot#ALL}
 * @param entries the items, in order
 */
public record Placement(Slot slot, Instant at, String target, List<Entry> entries) {

	public Placement {
		entries = List.copyOf(entries);
	}

	/** When the occurrence ends: its start plus the slot's length. */
	public Instant end() {
		return this.at.plus(this.slot.length());
	}

	/** The estimated air time of all entries (reading time of scripts, audio). */
	public Duration estimated() {
		return this.entries.stream().map(Entry::estimated).reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * How much the entries overrun the slot's length; zero when they fit or the slot has
	 * no length.
	 */
	public Duration overflow() {
		if (this.slot.length().isZero()) {
			return Duration.ZERO;
		}
		Duration over = estimated().minus(this.slot.length());
		return over.isNegative() ? Duration.ZERO : over;
	}

	/**
	 * One item in an occurrence.
	 *
	 * @param itemId the item
	 * @param title its title
	 * @param priority its radio priority
	 * @param campaign the campaign that placed it, or {@code null} when the slot itself
	 * did (on-publish, digest, a live emergency item pre-empting the plan)
	 * @param estimated its estimated air time (zero outside radio)
	 */
	public record Entry(String itemId, String title, Priority priority, String campaign, Duration estimated) {
	}

}
