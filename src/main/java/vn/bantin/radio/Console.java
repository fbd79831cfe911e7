package vn.bantin.radio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.bantin.system.BantinProperties;

/**
 * What the operator's console shows: the occurrence on air now and the next one, today's
 * and tomorrow's occurrences with where each stands (played, due, missed, to come), the
 * emergency broadcast waiting to go out, and the playlist to play with what the log
 * already holds for each entry.
 *
 * <p>
 * The playlist offered is the one the operator chose; else the emergency broadcast due
 * now; else the occurrence whose time has come and that has not aired yet (the earliest
 * still due); else the one in progress; else the next.
 */
@Service
class Console {

	private final AsRunLog log;

	private final Playlists playlists;

	private final ZoneId zone;

	Console(AsRunLog log, Playlists playlists, BantinProperties properties) {
		this.log = log;
		this.playlists = playlists;
		this.zone = properties.zone();
	}

	/**
	 * The console's view.
	 * @param chosen the occurrence the operator chose, or null
	 */
	View view(String chosen) {
		Instant now = this.log.now();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		List<AsRunLog.Logged> days = this.log.between(today.atStartOfDay(this.zone).toInstant(),
				today.plusDays(2).atStartOfDay(this.zone).toInstant());
		Instant tomorrow = today.plusDays(1).atStartOfDay(this.zone).toInstant();
		List<AsRunLog.Logged> todays = days.stream().filter((l) -> l.occurrence().start().isBefore(tomorrow)).toList();
		List<AsRunLog.Logged> tomorrows = days.stream()
			.filter((l) -> !l.occurrence().start().isBefore(tomorrow))
			.toList();
		Optional<AsRunLog.Logged> current = days.stream()
			.filter((l) -> !l.occurrence().emergency() && !now.isBefore(l.occurrence().start())
					&& now.isBefore(l.occurrence().end()))
			.findFirst();
		Optional<AsRunLog.Logged> next = days.stream()
			.filter((l) -> l.occurrence().start().isAfter(now) && !l.occurrence().emergency())
			.findFirst();
		Optional<AsRunLog.Logged> emergency = todays.stream()
			.filter((l) -> l.occurrence().emergency()
					&& (l.state() == OccurrenceState.DUE || l.state() == OccurrenceState.TO_COME))
			.min(Comparator.comparing((AsRunLog.Logged l) -> l.occurrence().start()));
		Optional<AsRunLog.Logged> due = days.stream()
			.filter((l) -> l.state() == OccurrenceState.DUE)
			.min(Comparator.comparing((AsRunLog.Logged l) -> l.occurrence().start()));

		Optional<Playlist> playlist = Optional.empty();
		if (chosen != null && !chosen.isBlank()) {
			playlist = this.playlists.playlist(chosen.strip());
		}
		else {
			Optional<AsRunLog.Logged> offered = emergency.filter((l) -> l.state() == OccurrenceState.DUE)
				.or(() -> due)
				.or(() -> current)
				.or(() -> next);
			if (offered.isPresent()) {
				playlist = this.playlists.playlist(offered.get().occurrence().id());
			}
		}
		Optional<Playing> playing = playlist.map((p) -> playing(p, days, now));
		Optional<Playlist> emergencyPlaylist = emergency.flatMap((l) -> this.playlists.playlist(l.occurrence().id()));
		return new View(now, today, current, next, todays, tomorrows, emergency, emergencyPlaylist, playing);
	}

	private Playing playing(Playlist playlist, List<AsRunLog.Logged> days, Instant now) {
		Optional<AsRunLog.Logged> logged = days.stream()
			.filter((l) -> l.occurrence().id().equals(playlist.occurrence().id()))
			.findFirst();
		List<AsRunEntry> rows = logged.map(AsRunLog.Logged::entries).orElseGet(List::of);
		Map<Integer, AsRunEntry> last = new HashMap<>();
		rows.forEach((row) -> last.merge(row.position(), row, (a, b) -> a.end().isAfter(b.end()) ? a : b));
		OccurrenceState state = logged.map(AsRunLog.Logged::state)
			.orElseGet(() -> this.log.state(playlist.occurrence(), rows, now));
		return new Playing(playlist, state, last);
	}

	/**
	 * What the console shows.
	 *
	 * @param now the server's time
	 * @param today today in the commune
	 * @param current the occurrence in progress
	 * @param next the next one
	 * @param todays today's occurrences
	 * @param tomorrows tomorrow's occurrences
	 * @param emergency the emergency broadcast waiting to go out today
	 * @param emergencyPlaylist its playlist
	 * @param playing the playlist offered to play
	 */
	record View(Instant now, LocalDate today, Optional<AsRunLog.Logged> current, Optional<AsRunLog.Logged> next,
			List<AsRunLog.Logged> todays, List<AsRunLog.Logged> tomorrows, Optional<AsRunLog.Logged> emergency,
			Optional<Playlist> emergencyPlaylist, Optional<Playing> playing) {
	}

	/**
	 * The playlist offered to play, with the log's last word on each entry.
	 *
	 * @param playlist the playlist
	 * @param state where its occurrence stands
	 * @param logged the latest row of each position
	 */
	record Playing(Playlist playlist, OccurrenceState state, Map<Integer, AsRunEntry> logged) {
	}

}
