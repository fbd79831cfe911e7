package vn.bantin.radio;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import vn.bantin.content.Priority;
import vn.bantin.publishing.Publications;

/**
 * What one occurrence of a radio slot plays, in order: the intro jingle, the items by
 * priority (emergency, priority, normal) and then their campaign's order, the outro. Each
 * item plays its recording, its synthetic speech, or is read live from its script.
 *
 * @param occurrence the slot occurrence
 * @param entries what plays, in order
 */
record Playlist(Occurrence occurrence, List<Entry> entries) {

	Playlist {
		entries = List.copyOf(entries);
	}

	/** How long everything plays (scripts at their estimated reading time). */
	public Duration total() {
		return this.entries.stream().map(Entry::duration).reduce(Duration.ZERO, Duration::plus);
	}

	/** How much the playlist overruns the slot; zero when it fits. */
	public Duration overflow() {
		Duration over = total().minus(this.occurrence.length());
		return over.isNegative() ? Duration.ZERO : over;
	}

	/** Whether everything plays within the slot's length. */
	public boolean fits() {
		return overflow().isZero();
	}

	/** The entry at a 1-based position, if there is one. */
	public java.util.Optional<Entry> entry(int position) {
		return this.entries.stream().filter((entry) -> entry.position() == position).findFirst();
	}

	/**
	 * How long after the occurrence's start an entry begins, if everything plays in turn.
	 */
	public Duration offset(Entry entry) {
		Duration offset = Duration.ZERO;
		for (Entry before : this.entries) {
			if (before.position() >= entry.position()) {
				break;
			}
			offset = offset.plus(before.duration());
		}
		return offset;
	}

	/** The entries the operator reads aloud. */
	public List<Entry> scripts() {
		return this.entries.stream().filter(Entry::live).toList();
	}

	/** The entries that play from an audio file, in order. */
	public List<Entry> audio() {
		return this.entries.stream().filter(Entry::audible).toList();
	}

	/**
	 * One occurrence of a radio slot in one zone.
	 *
	 * @param id stable id, {@code <slot>_<zone or all>_<yyyyMMdd'T'HHmmss>} in the
	 * commune's zone, e.g. {@code ban-tin-sang_all_20261130T060000}
	 * @param slot the slot key, or {@code emergency} / {@code publish-now}
	 * @param slotName what people see
	 * @param target the zone key, {@code *} for the whole commune
	 * @param targetName the zone's name, or the commune's for {@code *}
	 * @param start when it starts
	 * @param end when the slot ends
	 * @param recorded whether its publications are recorded (else: as planned)
	 */
	record Occurrence(String id, String slot, String slotName, String target, String targetName, Instant start,
			Instant end, boolean recorded) {

		/** The slot's length. */
		public Duration length() {
			return Duration.between(this.start, this.end);
		}

		/** Whether it is an emergency broadcast rather than a timetable slot. */
		public boolean emergency() {
			return Publications.Origin.emergency(this.slot);
		}

		/**
		 * The zone part of the id: the zone's key, or {@code all} for the whole commune.
		 */
		public String zonePart() {
			return "*".equals(this.target) ? "all" : this.target;
		}

		/** Whether it plays in the whole commune. */
		public boolean wholeCommune() {
			return "*".equals(this.target);
		}

	}

	/** Where an entry's sound comes from. */
	enum Source {

		/** A jingle file. */
		JINGLE,
		/** A processed recording. */
		RECORDED,
		/** Speech synthesised from the script. */
		SYNTHETIC,
		/** The operator reads the script live. */
		SCRIPT

	}

	/**
	 * One entry.
	 *
	 * @param position 1-based place in the playlist
	 * @param itemId the item, null for a jingle
	 * @param title what the operator sees
	 * @param priority the item's priority, null for a jingle
	 * @param campaign the campaign that placed it, or null
	 * @param source where its sound comes from
	 * @param recordingId the recording's processing id (recorded or synthetic), else null
	 * @param file the audio file (jingle, recorded, synthetic), null for a script
	 * @param duration how long it plays (a script: its estimated reading time)
	 * @param script the read-aloud script (items), null for a jingle
	 */
	record Entry(int position, String itemId, String title, Priority priority, String campaign, Source source,
			Long recordingId, Path file, Duration duration, String script) {

		/** Whether the operator reads it aloud. */
		public boolean live() {
			return this.source == Source.SCRIPT;
		}

		/** Whether it plays from an audio file (jingle, recording, synthetic speech). */
		public boolean audible() {
			return this.file != null && this.source != Source.SCRIPT;
		}

		/** Whether it is a jingle rather than an item. */
		public boolean jingle() {
			return this.source == Source.JINGLE;
		}

		/** Its duration in whole seconds, rounded to the nearest (as M3U8 writes it). */
		public long seconds() {
			return (this.duration.toMillis() + 500) / 1000;
		}

		/** The word for its source in exports and the API, e.g. {@code script}. */
		public String kind() {
			return this.source.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
