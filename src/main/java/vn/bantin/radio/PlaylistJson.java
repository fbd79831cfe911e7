package vn.bantin.radio;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Playlists as the JSON API and the current-playlist URL write them: times with the
 * commune's offset, durations in seconds (and milliseconds), each entry's kind and, for
 * audio, the URL it plays from.
 */
final class PlaylistJson {

	private PlaylistJson() {
	}

	static Occurrence of(Playlist.Occurrence occurrence, ZoneId zone, String playlistUrl) {
		return new Occurrence(occurrence.id(), occurrence.slot(), occurrence.slotName(), occurrence.target(),
				occurrence.targetName(), time(occurrence.start(), zone), time(occurrence.end(), zone),
				occurrence.length().toSeconds(), occurrence.recorded(), occurrence.emergency(), playlistUrl);
	}

	static Body of(Playlist playlist, ZoneId zone, String playlistUrl, Function<Playlist.Entry, String> audio) {
		List<Entry> entries = playlist.entries()
			.stream()
			.map((entry) -> new Entry(entry.position(), entry.kind(), entry.itemId(), entry.title(),
					(entry.priority() != null) ? entry.priority().key() : null, entry.campaign(), entry.seconds(),
					entry.duration().toMillis(), time(playlist.occurrence().start().plus(playlist.offset(entry)), zone),
					entry.script(), entry.audible() ? audio.apply(entry) : null))
			.toList();
		return new Body(of(playlist.occurrence(), zone, playlistUrl), playlist.total().toSeconds(),
				playlist.occurrence().length().toSeconds(), playlist.overflow().toSeconds(), !playlist.fits(), entries);
	}

	private static String time(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
	}

	/**
	 * A day's occurrences.
	 *
	 * @param date the commune-local date
	 * @param zone the commune's zone
	 * @param occurrences in order
	 */
	record Day(String date, String zone, List<Occurrence> occurrences) {
	}

	/**
	 * One occurrence.
	 *
	 * @param id its id, e.g. {@code ban-tin-sang_all_20261221T060000}
	 * @param slot the slot key, or {@code emergency} / {@code publish-now}
	 * @param slotName the slot's name
	 * @param target the zone key, {@code *} for the whole commune
	 * @param targetName the zone's or the commune's name
	 * @param start when it starts, with the commune's offset
	 * @param end when its slot ends
	 * @param lengthSeconds the slot's length
	 * @param recorded whether its publications are recorded (else: as planned)
	 * @param emergency whether it is an emergency broadcast
	 * @param playlist the URL of its playlist
	 */
	record Occurrence(String id, String slot, String slotName, String target, String targetName, String start,
			String end, long lengthSeconds, boolean recorded, boolean emergency, String playlist) {
	}

	/**
	 * One playlist.
	 *
	 * @param occurrence its occurrence
	 * @param totalSeconds how long everything plays
	 * @param lengthSeconds the slot's length
	 * @param overflowSeconds how much it overruns the slot, 0 when it fits
	 * @param overflow whether it overruns the slot
	 * @param entries what plays, in order
	 */
	record Body(Occurrence occurrence, long totalSeconds, long lengthSeconds, long overflowSeconds, boolean overflow,
			List<Entry> entries) {
	}

	/**
	 * One entry.
	 *
	 * @param position 1-based
	 * @param kind {@code jingle}, {@code recorded}, {@code synthetic} or {@code script}
	 * (read live)
	 * @param itemId the item, null for a jingle
	 * @param title its title
	 * @param priority {@code normal}, {@code priority} or {@code emergency}; null for a
	 * jingle
	 * @param campaign the campaign that placed it, or null
	 * @param durationSeconds how long it plays, whole seconds (a script: its reading
	 * time)
	 * @param durationMillis the same in milliseconds
	 * @param start when it starts if everything plays in turn
	 * @param script the read-aloud script, null for a jingle
	 * @param audio the URL of its audio, null for a script read live
	 */
	record Entry(int position, String kind, String itemId, String title, String priority, String campaign,
			long durationSeconds, long durationMillis, String start, String script, String audio) {
	}

}
