package vn.bantin.radio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.bantin.audio.RadioAudio;
import vn.bantin.audio.Recording;
import vn.bantin.audio.Scripts;
import vn.bantin.commune.Commune;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.media.AudioDurations;
import vn.bantin.agenda.Agenda;
import vn.bantin.agenda.AgendaEntry;
import vn.bantin.timetable.ReadingTime;
import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.timetable.Slot;
import vn.bantin.system.ApiLanguage;
import vn.bantin.system.BantinProperties;

/**
 * The playlists of radio slot occurrences, built from the {@link Agenda} (recorded
 * occurrences as recorded, later ones as planned), so that the console, the exports and
 * the site agree with the scheduler on what each bulletin carries and in which order.
 * Each item plays its recording when one is ready, else its synthetic speech, else its
 * script is read live (at the announcer's estimated pace).
 *
 * <p>
 * The items keep the agenda's order, which is the {@code Programme}'s (emergency first,
 * then priority, then each campaign's order) for planned occurrences and the order the
 * publications were recorded in (the same plan, at the moment the slot fired) for
 * recorded ones: the playlist never sorts again, so that it cannot disagree with what the
 * scheduler put out. An emergency broadcast (slot {@code emergency}) or an item put out
 * at once ({@code publish-now}) has no slot length: it lasts as long as it plays.
 */
@Service
class Playlists {

	/** How far back an occurrence still in progress may have started. */
	static final int LOOK_BACK_HOURS = 6;

	/** How far ahead the next occurrence is looked for. */
	static final int LOOK_AHEAD_DAYS = 8;

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private final Agenda agenda;

	private final ItemCatalog catalog;

	private final RadioAudio audio;

	private final Scripts scripts;

	private final AudioDurations durations;

	private final Commune commune;

	private final ReadingTime readingTime;

	private final ZoneId zone;

	private final Path contentDir;

	private final RadioSettings settings;

	private final MessageSource messages;

	Playlists(Agenda agenda, ItemCatalog catalog, RadioAudio audio, Scripts scripts, AudioDurations durations,
			Commune commune, ScheduleSettings scheduleSettings, BantinProperties properties, RadioSettings settings,
			MessageSource messages) {
		this.agenda = agenda;
		this.catalog = catalog;
		this.audio = audio;
		this.scripts = scripts;
		this.durations = durations;
		this.commune = commune;
		this.readingTime = new ReadingTime(scheduleSettings);
		this.zone = properties.zone();
		this.contentDir = properties.contentDir();
		this.settings = settings;
		this.messages = messages;
	}

	/** The commune's zone, in which occurrence ids and dates are written. */
	ZoneId zone() {
		return this.zone;
	}

	/**
	 * The playlist a player in a zone should play at {@code now}: the occurrence in
	 * progress (the latest started, so that an emergency broadcast takes over), else the
	 * next one within {@value #LOOK_AHEAD_DAYS} days.
	 * @param zone a zone's key: its own occurrences and the whole commune's;
	 * {@code null}, blank or {@code *} for the whole commune's only
	 */
	Optional<Playlist> current(Instant now, String zone) {
		boolean commune = zone == null || zone.isBlank() || Slot.ALL.equals(zone);
		List<AgendaEntry> entries = this.agenda
			.between(now.minus(Duration.ofHours(LOOK_BACK_HOURS)), now.plus(Duration.ofDays(LOOK_AHEAD_DAYS)))
			.of(Channel.RADIO)
			.stream()
			.filter((entry) -> Slot.ALL.equals(entry.target()) || (!commune && entry.target().equals(zone)))
			.toList();
		Optional<Playlist> playing = entries.stream()
			.filter((entry) -> !entry.start().isAfter(now))
			.map(this::playlist)
			.filter((playlist) -> now.isBefore(playlist.occurrence().end()))
			.reduce((earlier, later) -> later);
		if (playing.isPresent()) {
			return playing;
		}
		return entries.stream().filter((entry) -> entry.start().isAfter(now)).findFirst().map(this::playlist);
	}

	/** The radio occurrences of a day in the commune's zone, in order. */
	List<Playlist.Occurrence> on(LocalDate date) {
		Instant from = date.atStartOfDay(this.zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(this.zone).toInstant();
		return occurrences(from, to);
	}

	/** The playlists of a day's radio occurrences in the commune's zone, in order. */
	List<Playlist> playlistsOn(LocalDate date) {
		Instant from = date.atStartOfDay(this.zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(this.zone).toInstant();
		return this.agenda.between(from, to).of(Channel.RADIO).stream().map(this::playlist).toList();
	}

	/** The radio occurrences starting in {@code [from, to)}, in order. */
	List<Playlist.Occurrence> occurrences(Instant from, Instant to) {
		return this.agenda.between(from, to)
			.of(Channel.RADIO)
			.stream()
			.map(this::playlist)
			.map(Playlist::occurrence)
			.toList();
	}

	/**
	 * The playlist of an occurrence by its id; empty when there is no such occurrence.
	 */
	Optional<Playlist> playlist(String occurrenceId) {
		Optional<Key> key = Key.parse(occurrenceId, this.zone);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		Instant start = key.get().start();
		return this.agenda.between(start, start.plusSeconds(1))
			.of(Channel.RADIO)
			.stream()
			.filter((entry) -> id(entry).equals(occurrenceId))
			.findFirst()
			.map(this::playlist);
	}

	/** The playlist of an agenda entry of the radio channel. */
	Playlist playlist(AgendaEntry entry) {
		List<Playlist.Entry> entries = new ArrayList<>();
		jingle(this.settings.intro(), message("playlist.jingle.intro"))
			.ifPresent((jingle) -> entries.add(jingle.at(1)));
		for (AgendaEntry.Line line : entry.items()) {
			Optional<ItemView> found = this.catalog.item(line.itemId());
			if (found.isEmpty()) {
				continue;
			}
			ItemView item = found.get();
			String script = this.scripts.of(item);
			Optional<Recording> recording = this.audio.forItem(item);
			int position = entries.size() + 1;
			if (recording.isPresent()) {
				Recording sound = recording.get();
				entries.add(new Playlist.Entry(position, item.id(), item.title(), item.priority(), line.campaign(),
						sound.synthetic() ? Playlist.Source.SYNTHETIC : Playlist.Source.RECORDED, sound.id(),
						sound.file(), sound.duration(), script));
			}
			else {
				entries.add(new Playlist.Entry(position, item.id(), item.title(), item.priority(), line.campaign(),
						Playlist.Source.SCRIPT, null, null, this.readingTime.ofSpoken(script), script));
			}
		}
		int last = entries.size() + 1;
		jingle(this.settings.outro(), message("playlist.jingle.outro"))
			.ifPresent((jingle) -> entries.add(jingle.at(last)));
		return new Playlist(occurrence(entry, entries), entries);
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, ApiLanguage.VIETNAMESE);
	}

	private Optional<Jingle> jingle(String relative, String title) {
		if (relative == null || relative.isBlank()) {
			return Optional.empty();
		}
		Path file = this.contentDir.resolve(relative).normalize();
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		return this.durations.of(file).map((duration) -> new Jingle(title, file, duration));
	}

	private Playlist.Occurrence occurrence(AgendaEntry entry, List<Playlist.Entry> entries) {
		String targetName = (entry.targetName() != null) ? entry.targetName()
				: Slot.ALL.equals(entry.target()) ? this.commune.identity().name() : entry.target();
		// an emergency or publish-now broadcast has no slot: it lasts as long as it plays
		Instant end = entry.end();
		if (end == null || !end.isAfter(entry.start())) {
			end = entry.start()
				.plus(entries.stream().map(Playlist.Entry::duration).reduce(Duration.ZERO, Duration::plus));
		}
		return new Playlist.Occurrence(id(entry), entry.slot(), slotName(entry), entry.target(), targetName,
				entry.start(), end, entry.recorded());
	}

	/**
	 * The slot's name; for a broadcast outside the timetable, its name in the messages.
	 */
	private String slotName(AgendaEntry entry) {
		String name = entry.slotName();
		if (name != null && !name.isBlank() && !name.equals(entry.slot())) {
			return name;
		}
		String slot = (entry.slot() != null) ? entry.slot() : "unknown";
		return this.messages.getMessage("playlist.slot." + slot, null, (name != null) ? name : slot,
				ApiLanguage.VIETNAMESE);
	}

	private String id(AgendaEntry entry) {
		return new Key(entry.slot(), entry.target(), entry.start()).id(this.zone);
	}

	/** The parts of an occurrence id. */
	record Key(String slot, String target, Instant start) {

		String id(ZoneId zone) {
			String zonePart = Slot.ALL.equals(this.target) ? "all" : this.target;
			return this.slot + "_" + zonePart + "_" + ID_TIME.format(LocalDateTime.ofInstant(this.start, zone));
		}

		static Optional<Key> parse(String id, ZoneId zone) {
			if (id == null) {
				return Optional.empty();
			}
			String[] parts = id.split("_", -1);
			if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
				return Optional.empty();
			}
			try {
				Instant start = LocalDateTime.parse(parts[2], ID_TIME).atZone(zone).toInstant();
				return Optional.of(new Key(parts[0], "all".equals(parts[1]) ? Slot.ALL : parts[1], start));
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}

	}

	private record Jingle(String title, Path file, Duration duration) {

		Playlist.Entry at(int position) {
			return new Playlist.Entry(position, null, this.title, null, null, Playlist.Source.JINGLE, null, this.file,
					this.duration, null);
		}

	}

}
