package vn.bantin.agenda;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import vn.bantin.publishing.PublicationStatus;

/**
 * The agenda as the JSON API writes it. Instants are ISO-8601 with the commune's offset
 * (e.g. {@code 2025-03-10T07:00:00+07:00}), whatever the server's zone; durations are
 * whole seconds.
 */
final class AgendaJson {

	private AgendaJson() {
	}

	static Range of(AgendaRange range) {
		ZoneId zone = range.zone();
		return new Range(time(range.from(), zone), time(range.to(), zone), zone.getId(),
				range.entries().stream().map((entry) -> entry(entry, zone)).toList());
	}

	private static Entry entry(AgendaEntry entry, ZoneId zone) {
		return new Entry(entry.slot(), entry.slotName(), entry.channel().key(), entry.target(), entry.targetName(),
				time(entry.start(), zone), time(entry.end(), zone), entry.recorded(), entry.estimated().toSeconds(),
				entry.overflow().toSeconds(),
				entry.items()
					.stream()
					.map((line) -> new Line(line.itemId(), line.title(),
							(line.priority() != null) ? line.priority().key() : null, line.campaign(),
							line.estimated().toSeconds(), status(line.status()), line.reason(),
							time(line.publishedAt(), zone)))
					.toList(),
				entry.conflicts()
					.stream()
					.map((conflict) -> new Conflict(conflict.kind().key(), conflict.slot(), conflict.target(),
							time(conflict.start(), zone), conflict.overflow().toSeconds()))
					.toList());
	}

	static String time(Instant instant, ZoneId zone) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)) : null;
	}

	static String status(PublicationStatus status) {
		return (status != null) ? status.name().toLowerCase(Locale.ROOT).replace('_', '-') : null;
	}

	/**
	 * The agenda of a range.
	 *
	 * @param from start (inclusive)
	 * @param to end (exclusive)
	 * @param zone the commune's zone
	 * @param entries occurrences by time
	 */
	record Range(String from, String to, String zone, List<Entry> entries) {
	}

	/**
	 * One occurrence of a slot on one target.
	 *
	 * @param slot slot key (or {@code publish-now}, {@code emergency})
	 * @param slotName slot name
	 * @param channel web, feed, email or radio
	 * @param target zone or list key, {@code *} for the whole commune
	 * @param targetName zone or list name
	 * @param start start
	 * @param end end (the start when the slot has no length)
	 * @param recorded true when from recorded publications, false when planned
	 * @param estimatedSeconds estimated air time of the items
	 * @param overflowSeconds air time over the slot's length
	 * @param items the items in order
	 * @param conflicts overlaps and overflow
	 */
	record Entry(String slot, String slotName, String channel, String target, String targetName, String start,
			String end, boolean recorded, long estimatedSeconds, long overflowSeconds, List<Line> items,
			List<Conflict> conflicts) {
	}

	/**
	 * One item of an occurrence.
	 *
	 * @param id item id
	 * @param title item title
	 * @param priority normal, priority or emergency
	 * @param campaign the campaign that placed it
	 * @param estimatedSeconds its estimated air time
	 * @param status its publication's status when recorded (planned, due, published,
	 * awaiting-confirmation, missed, failed)
	 * @param reason why it was decided so
	 * @param publishedAt when it went out
	 */
	record Line(String id, String title, String priority, String campaign, long estimatedSeconds, String status,
			String reason, String publishedAt) {
	}

	/**
	 * Something wrong with an occurrence.
	 *
	 * @param kind overlap or overflow
	 * @param slot the other occurrence's slot (overlap)
	 * @param target the other occurrence's target (overlap)
	 * @param start the other occurrence's start (overlap)
	 * @param overflowSeconds how much the items overrun the slot (overflow)
	 */
	record Conflict(String kind, String slot, String target, String start, long overflowSeconds) {
	}

}
