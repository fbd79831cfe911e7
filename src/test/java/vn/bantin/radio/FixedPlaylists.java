package vn.bantin.radio;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.system.BantinProperties;

/**
 * Playlists a test sets up by hand, for the as-run log's checks on a database slice
 * (where the agenda and the item catalogue are not there): the occurrences given, each
 * with a one-jingle playlist.
 */
class FixedPlaylists extends Playlists {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final List<Playlist.Occurrence> occurrences = new ArrayList<>();

	FixedPlaylists(RadioSettings settings) {
		super(null, null, null, null, null, null, ScheduleSettings.defaults(),
				new BantinProperties(Path.of("target/fixed-playlists"), ZONE, Path.of("content"), Path.of("schedules")),
				settings, null);
	}

	/** Adds an occurrence of a slot in a zone ({@code *} for all). */
	Playlist.Occurrence add(String slot, String target, Instant start, Instant end) {
		String id = new Key(slot, target, start).id(ZONE);
		Playlist.Occurrence occurrence = new Playlist.Occurrence(id, slot, slot, target, target, start, end, true);
		this.occurrences.add(occurrence);
		this.occurrences.sort(Comparator.comparing(Playlist.Occurrence::start));
		return occurrence;
	}

	void clear() {
		this.occurrences.clear();
	}

	@Override
	List<Playlist.Occurrence> on(LocalDate date) {
		return occurrences(date.atStartOfDay(ZONE).toInstant(), date.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	@Override
	List<Playlist.Occurrence> occurrences(Instant from, Instant to) {
		return this.occurrences.stream().filter((o) -> !o.start().isBefore(from) && o.start().isBefore(to)).toList();
	}

	@Override
	Optional<Playlist> playlist(String occurrenceId) {
		return this.occurrences.stream()
			.filter((o) -> o.id().equals(occurrenceId))
			.findFirst()
			.map((o) -> new Playlist(o,
					List.of(new Playlist.Entry(1, null, "Nhạc hiệu mở đầu", null, null, Playlist.Source.JINGLE, null,
							Path.of("content/radio/nhac-hieu-mo-dau.mp3"), java.time.Duration.ofSeconds(4), null))));
	}

}
