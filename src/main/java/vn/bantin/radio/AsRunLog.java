package vn.bantin.radio;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import vn.bantin.timetable.Slot;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.VietnameseText;

/**
 * The as-run log: what really went out on the loudspeakers, entry by entry, as the
 * operator's console or an external player reports it; and the slot occurrences that
 * passed with nothing on air (MISSED).
 *
 * <p>
 * <b>Recording</b> is idempotent by the client's event id: a console that lost the answer
 * sends the same report again and finds its row, so a page reload or a network cut never
 * doubles or loses an entry. A report is refused, naming its field, when it has no event
 * id, an occurrence id that is not one, no position, a start or end that is not an
 * instant, an end before its start, an unknown outcome or source, or no reason for a
 * skipped entry.
 *
 * <p>
 * <b>MISSED.</b> An occurrence is missed once the clock reaches {@link #missedAt}: its
 * start plus {@code bantin.radio.missed-after} (1 h by default: an operator may start
 * late), or its slot's end if that is later (a slot is never missed while it still runs),
 * with no entry played in full or interrupted for it in its zone. An entry logged for the
 * whole commune ({@code *}) counts for every zone of the same slot and start. Skipped
 * entries alone do not count: nothing went out.
 */
@Service
class AsRunLog {

	/** The longest range one question may cover, as the agenda allows. */
	static final Duration MAX_RANGE = Duration.ofDays(92);

	private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final AsRunStore store;

	private final Playlists playlists;

	private final RadioSettings settings;

	private final Clock clock;

	private final ZoneId zone;

	AsRunLog(AsRunStore store, Playlists playlists, RadioSettings settings, Clock clock, BantinProperties properties) {
		this.store = store;
		this.playlists = playlists;
		this.settings = settings;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/**
	 * Records a report, or finds the row an earlier report with the same event id made.
	 * @param event what the client reports
	 * @param by who played it
	 * @param origin who reports it
	 * @return the row, and whether this call made it
	 * @throws RuleViolation naming the field at fault
	 */
	Recorded record(AsRunEvent event, String by, AsRunOrigin origin) {
		if (event == null) {
			throw new RuleViolation("eventId", "asrun.error.event-id");
		}
		return record(List.of(event), by, origin).get(0);
	}

	/**
	 * Records several reports (a player's batch, a console's queue): all are checked
	 * before any is written, so a refused batch writes nothing and may be sent again once
	 * corrected. A field at fault is named with the report's index ({@code [2].end}) when
	 * there are several.
	 * @throws RuleViolation naming the field at fault
	 */
	List<Recorded> record(List<AsRunEvent> events, String by, AsRunOrigin origin) {
		if (events == null || events.isEmpty()) {
			throw new RuleViolation("eventId", "asrun.error.no-event");
		}
		List<Object> prepared = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			try {
				prepared.add(prepare(events.get(i), by, origin));
			}
			catch (RuleViolation violation) {
				if (events.size() == 1) {
					throw violation;
				}
				throw new RuleViolation("[" + i + "]." + violation.field(), violation.messageKey());
			}
		}
		List<Recorded> recorded = new ArrayList<>();
		for (Object one : prepared) {
			if (one instanceof Recorded existing) {
				recorded.add(existing);
				continue;
			}
			AsRunEntry entry = (AsRunEntry) one;
			Optional<AsRunEntry> earlier = this.store.byEvent(entry.eventId());
			if (earlier.isPresent()) {
				// the same id twice in one batch
				recorded.add(new Recorded(earlier.get(), false));
				continue;
			}
			try {
				this.store.insert(entry);
				recorded.add(new Recorded(this.store.byEvent(entry.eventId()).orElseThrow(), true));
			}
			catch (DataIntegrityViolationException ex) {
				// the same report arrived twice at once: the other one wrote the row
				recorded.add(this.store.byEvent(entry.eventId())
					.map((row) -> new Recorded(row, false))
					.orElseThrow(() -> ex));
			}
		}
		return recorded;
	}

	private Object prepare(AsRunEvent event, String by, AsRunOrigin origin) {
		if (event == null) {
			throw new RuleViolation("eventId", "asrun.error.event-id");
		}
		String eventId = trimmed(event.eventId());
		if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
			throw new RuleViolation("eventId", "asrun.error.event-id");
		}
		AsRunOrigin reporter = (origin != null) ? origin : apiOrigin(event.origin());
		Optional<AsRunEntry> existing = this.store.byEvent(eventId);
		if (existing.isPresent()) {
			return new Recorded(existing.get(), false);
		}
		return entry(eventId, event, by, reporter);
	}

	private AsRunEntry entry(String eventId, AsRunEvent event, String by, AsRunOrigin origin) {
		String occurrenceId = trimmed(event.occurrenceId());
		Optional<Playlists.Key> key = (occurrenceId != null && occurrenceId.length() <= 200)
				? Playlists.Key.parse(occurrenceId, this.zone) : Optional.empty();
		if (key.isEmpty()) {
			throw new RuleViolation("occurrenceId", "asrun.error.occurrence");
		}
		if (event.position() == null || event.position() < 1 || event.position() > 10_000) {
			throw new RuleViolation("position", "asrun.error.position");
		}
		Instant start = instant(event.start(), "start");
		Instant end = instant(event.end(), "end");
		if (end.isBefore(start)) {
			throw new RuleViolation("end", "asrun.error.end-before-start");
		}
		AsRunOutcome outcome = AsRunOutcome.of(event.outcome());
		if (outcome == null) {
			throw new RuleViolation("outcome", "asrun.error.outcome");
		}
		String reason = trimmed(event.reason());
		if (outcome == AsRunOutcome.SKIPPED && reason == null) {
			throw new RuleViolation("reason", "asrun.error.reason-required");
		}
		if (reason != null && reason.length() > 500) {
			throw new RuleViolation("reason", "asrun.error.reason-too-long");
		}
		AsRunSource source = null;
		if (trimmed(event.source()) != null) {
			source = AsRunSource.of(event.source());
			if (source == null) {
				throw new RuleViolation("source", "asrun.error.source");
			}
		}
		String itemId = trimmed(event.itemId());
		String title = trimmed(event.title());
		if (source == null || title == null) {
			Optional<Playlist.Entry> planned = this.playlists.playlist(occurrenceId)
				.flatMap((playlist) -> playlist.entries()
					.stream()
					.filter((e) -> e.position() == event.position())
					.findFirst());
			if (planned.isPresent()) {
				source = (source != null) ? source : AsRunSource.of(planned.get().source());
				title = (title != null) ? title : planned.get().title();
				itemId = (itemId != null) ? itemId : planned.get().itemId();
			}
		}
		if (source == null) {
			throw new RuleViolation("source", "asrun.error.source");
		}
		if (title == null) {
			throw new RuleViolation("title", "asrun.error.title");
		}
		if (title.length() > 500) {
			throw new RuleViolation("title", "asrun.error.title-too-long");
		}
		if (itemId != null && itemId.length() > 100) {
			throw new RuleViolation("itemId", "asrun.error.item");
		}
		String target = key.get().target();
		return new AsRunEntry(0, eventId, occurrenceId, key.get().slot(), target, key.get().start(), event.position(),
				itemId, title, source, start, end, outcome,
				(outcome == AsRunOutcome.SKIPPED || reason != null) ? reason : null,
				(by != null && !by.isBlank()) ? by : "?", origin, this.clock.instant());
	}

	/**
	 * The origin an API caller names: {@code api} (also when left out) or {@code player}.
	 * @throws RuleViolation for anything else (field {@code origin})
	 */
	static AsRunOrigin apiOrigin(String name) {
		if (trimmed(name) == null) {
			return AsRunOrigin.API;
		}
		AsRunOrigin origin = AsRunOrigin.of(name);
		if (origin == null || origin == AsRunOrigin.CONSOLE) {
			throw new RuleViolation("origin", "asrun.error.origin");
		}
		return origin;
	}

	private static Instant instant(String text, String field) {
		String value = trimmed(text);
		if (value == null) {
			throw new RuleViolation(field, "asrun.error.time");
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			throw new RuleViolation(field, "asrun.error.time");
		}
	}

	private static String trimmed(String text) {
		if (text == null) {
			return null;
		}
		String value = VietnameseText.nfc(text).strip();
		return value.isEmpty() ? null : value;
	}

	/**
	 * When an occurrence with nothing on air becomes MISSED: its start plus
	 * {@code missed-after}, or its end if later.
	 */
	Instant missedAt(Playlist.Occurrence occurrence) {
		Instant late = occurrence.start().plus(this.settings.missedAfter());
		return late.isAfter(occurrence.end()) ? late : occurrence.end();
	}

	/**
	 * The occurrences starting in {@code [from, to)} with where each stands now and its
	 * log, in order; then, as occurrences of their own, the logged ones no playlist knows
	 * (an external player's).
	 * @throws RuleViolation when {@code to} is not after {@code from} or the range is
	 * longer than {@link #MAX_RANGE} (field {@code to})
	 */
	List<Logged> between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw new RuleViolation("to", "asrun.error.range-order");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new RuleViolation("to", "asrun.error.range-too-long");
		}
		Instant now = this.clock.instant();
		List<AsRunEntry> rows = this.store.between(from, to);
		Map<String, List<AsRunEntry>> byOccurrence = new LinkedHashMap<>();
		rows.forEach((row) -> byOccurrence.computeIfAbsent(row.occurrenceId(), (id) -> new ArrayList<>()).add(row));
		List<Logged> logged = new ArrayList<>();
		for (Playlist.Occurrence occurrence : this.playlists.occurrences(from, to)) {
			List<AsRunEntry> own = byOccurrence.remove(occurrence.id());
			logged.add(new Logged(occurrence, state(occurrence, rows, now), (own != null) ? own : List.of()));
		}
		for (List<AsRunEntry> unknown : byOccurrence.values()) {
			AsRunEntry first = unknown.get(0);
			Playlist.Occurrence occurrence = new Playlist.Occurrence(first.occurrenceId(), first.slot(), first.slot(),
					first.target(), first.target(), first.occurrenceStart(), first.occurrenceStart(), true);
			logged.add(new Logged(occurrence, state(occurrence, rows, now), unknown));
		}
		logged.sort((a, b) -> a.occurrence().start().compareTo(b.occurrence().start()));
		return logged;
	}

	/** Where an occurrence stands at {@code now}, given the log's rows. */
	OccurrenceState state(Playlist.Occurrence occurrence, List<AsRunEntry> rows, Instant now) {
		boolean aired = rows.stream()
			.anyMatch((row) -> row.outcome().aired() && row.slot().equals(occurrence.slot())
					&& row.occurrenceStart().equals(occurrence.start())
					&& (row.target().equals(occurrence.target()) || Slot.ALL.equals(row.target())));
		if (aired) {
			return OccurrenceState.PLAYED;
		}
		if (now.isBefore(occurrence.start())) {
			return OccurrenceState.TO_COME;
		}
		return now.isBefore(missedAt(occurrence)) ? OccurrenceState.DUE : OccurrenceState.MISSED;
	}

	/** The instant the log sees as now. */
	Instant now() {
		return this.clock.instant();
	}

	/**
	 * The answer to a report.
	 *
	 * @param entry the row
	 * @param created whether this report made it (else an earlier one with the same id)
	 */
	record Recorded(AsRunEntry entry, boolean created) {
	}

	/**
	 * An occurrence with where it stands and what the log holds for it.
	 *
	 * @param occurrence the occurrence
	 * @param state where it stands
	 * @param entries its rows, in the order they played
	 */
	record Logged(Playlist.Occurrence occurrence, OccurrenceState state, List<AsRunEntry> entries) {

		boolean missed() {
			return this.state == OccurrenceState.MISSED;
		}

	}

}
