package vn.bantin.agenda;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.publishing.PublicationStatus;

/**
 * One occurrence of a slot on one target in the {@link Agenda}: planned (what the
 * {@link Programme} says will go out) or recorded (the publications that went out, or
 * were decided, at that occurrence).
 *
 * @param slot the slot's key, or a marker of items put out at once ({@code publish-now},
 * {@code emergency}); {@code null} when unknown
 * @param slotName the slot's name, or the same marker
 * @param channel the channel
 * @param target the zone (radio), list (email) or {@link Slot#ALL}
 * @param targetName the zone's or list's name; {@code null} for {@link Slot#ALL} (the
 * whole commune) or an unknown key
 * @param start when it starts
 * @param end when it ends (its start when the slot has no length)
 * @param recorded whether its items come from recorded publications (else from the plan)
 * @param items what it carries, in order
 * @param conflicts what is wrong with it: other radio occurrences on a shared zone at the
 * same time, and air time over the slot's length
 */
public record AgendaEntry(String slot, String slotName, Channel channel, String target, String targetName,
		Instant start, Instant end, boolean recorded, List<Line> items, List<Conflict> conflicts) {

	public AgendaEntry {
		items = List.copyOf(items);
		conflicts = List.copyOf(conflicts);
	}

	/** The estimated air time of all items. */
	public Duration estimated() {
		return this.items.stream().map(Line::estimated).reduce(Duration.ZERO, Duration::plus);
	}

	/** How much the items overrun the slot's length; zero when they fit. */
	public Duration overflow() {
		return this.conflicts.stream()
			.filter((conflict) -> conflict.kind() == Conflict.Kind.OVERFLOW)
			.map(Conflict::overflow)
			.findFirst()
			.orElse(Duration.ZERO);
	}

	/** Whether anything is wrong with it. */
	public boolean conflicted() {
		return !this.conflicts.isEmpty();
	}

	/** A stable identity of the occurrence: slot, start and target. */
	public String key() {
		return ((this.slot != null) ? this.slot : this.channel.key()) + "/" + this.start + "/" + this.target;
	}

	/** The same entry with these conflicts. */
	AgendaEntry withConflicts(List<Conflict> found) {
		return new AgendaEntry(this.slot, this.slotName, this.channel, this.target, this.targetName, this.start,
				this.end, this.recorded, this.items, found);
	}

	/**
	 * One item in an occurrence.
	 *
	 * @param itemId the item
	 * @param title its title
	 * @param priority its radio priority
	 * @param campaign the campaign that placed it, or {@code null}
	 * @param estimated its estimated air time (zero outside radio)
	 * @param status where its publication stands; {@code null} when only planned
	 * @param reason why its publication was decided so, or {@code null}
	 * @param publishedAt when it went out, or {@code null}
	 */
	public record Line(String itemId, String title, Priority priority, String campaign, Duration estimated,
			PublicationStatus status, String reason, Instant publishedAt) {
	}

	/**
	 * Something wrong with an occurrence.
	 *
	 * @param kind what
	 * @param slot for an overlap, the other occurrence's slot key
	 * @param slotName for an overlap, the other occurrence's slot name
	 * @param target for an overlap, the other occurrence's target
	 * @param start for an overlap, the other occurrence's start
	 * @param overflow for an overflow, how much the items overrun the slot
	 */
	public record Conflict(Kind kind, String slot, String slotName, String target, Instant start, Duration overflow) {

		/** What is wrong. */
		public enum Kind {

			/**
			 * Another radio occurrence plays at the same time on a zone this one plays on
			 * ({@link Slot#ALL} shares every zone).
			 */
			OVERLAP,

			/** The items' estimated air time is longer than the slot. */
			OVERFLOW;

			/** The word used in the API, e.g. {@code overlap}. */
			public String key() {
				return name().toLowerCase(java.util.Locale.ROOT);
			}

		}

	}

}
