package vn.bantin.radio;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The as-run log in JSON, for the API and the console: times are ISO-8601 with the
 * commune's offset.
 */
final class AsRunJson {

	private final ZoneId zone;

	AsRunJson(ZoneId zone) {
		this.zone = zone;
	}

	String time(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(this.zone)) : null;
	}

	Entry entry(AsRunEntry row) {
		return new Entry(row.id(), row.eventId(), row.occurrenceId(), row.slot(), row.target(),
				time(row.occurrenceStart()), row.position(), row.itemId(), row.title(), row.source().key(),
				time(row.start()), time(row.end()), row.duration().toMillis() / 1000.0, row.outcome().key(),
				row.reason(), row.by(), row.origin().key(), time(row.recordedAt()));
	}

	Occurrence occurrence(AsRunLog.Logged logged) {
		Playlist.Occurrence o = logged.occurrence();
		return new Occurrence(o.id(), o.slot(), o.slotName(), o.target(), o.targetName(), time(o.start()),
				time(o.end()), logged.state().key());
	}

	/** The log of a range, whole and per zone. */
	Log log(AsRunRange range, List<AsRunLog.Logged> logged) {
		List<Entry> entries = new ArrayList<>();
		List<Occurrence> missed = new ArrayList<>();
		Map<String, Zone> zones = new LinkedHashMap<>();
		for (AsRunLog.Logged one : logged) {
			Playlist.Occurrence o = one.occurrence();
			Zone zoneLog = zones.computeIfAbsent(o.target(),
					(key) -> new Zone(key, o.targetName(), new ArrayList<>(), new ArrayList<>()));
			for (AsRunEntry row : one.entries()) {
				Entry entry = entry(row);
				entries.add(entry);
				zoneLog.entries().add(entry);
			}
			if (one.missed()) {
				Occurrence occurrence = occurrence(one);
				missed.add(occurrence);
				zoneLog.missed().add(occurrence);
			}
		}
		return new Log(time(range.from()), time(range.to()), this.zone.getId(), entries, missed,
				List.copyOf(zones.values()));
	}

	/**
	 * One row of the log.
	 *
	 * @param id the row's id
	 * @param eventId the client's id of the report
	 * @param occurrenceId the occurrence
	 * @param slot its slot
	 * @param zone its zone, {@code *} for the whole commune
	 * @param occurrenceStart when it was to start
	 * @param position the entry's place in the playlist
	 * @param itemId the item, null for a jingle
	 * @param title what played
	 * @param source jingle, recorded, synthetic, script or live
	 * @param start when it really started
	 * @param end when it really ended
	 * @param seconds how long it played
	 * @param outcome played, interrupted or skipped
	 * @param reason why it was skipped
	 * @param by who played it
	 * @param origin console, api or player
	 * @param recorded when the log received it
	 */
	record Entry(long id, String eventId, String occurrenceId, String slot, String zone, String occurrenceStart,
			int position, String itemId, String title, String source, String start, String end, double seconds,
			String outcome, String reason, String by, String origin, String recorded) {
	}

	/**
	 * A slot occurrence.
	 *
	 * @param id its id
	 * @param slot its slot
	 * @param slotName the slot's name
	 * @param zone its zone
	 * @param zoneName the zone's name
	 * @param start when it starts
	 * @param end when its slot ends
	 * @param state to-come, due, played or missed
	 */
	record Occurrence(String id, String slot, String slotName, String zone, String zoneName, String start, String end,
			String state) {
	}

	/**
	 * The log of one zone.
	 *
	 * @param zone the zone, {@code *} for the whole commune
	 * @param name its name
	 * @param entries its rows
	 * @param missed its missed occurrences
	 */
	record Zone(String zone, String name, List<Entry> entries, List<Occurrence> missed) {
	}

	/**
	 * The log of a range: occurrences starting at or after {@code from} and before
	 * {@code to}.
	 *
	 * @param from the range's start
	 * @param to the range's end (excluded)
	 * @param timeZone the commune's zone
	 * @param entries every row
	 * @param missed every missed occurrence
	 * @param zones the same, per zone
	 */
	record Log(String from, String to, String timeZone, List<Entry> entries, List<Occurrence> missed,
			List<Zone> zones) {
	}

}
