package vn.bantin.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemView;

/**
 * The {@link Programme} of the timetable in force, on the commune's wall clock, with air
 * times estimated from the reading speed
 * ({@code bantin.schedule.reading-words-per-minute}).
 */
@Component
class ProgrammeInForce {

	private final Timetables timetables;

	private final ZoneId zone;

	private final int wordsPerMinute;

	ProgrammeInForce(Timetables timetables, CommuneTriggers triggers, ScheduleSettings settings) {
		this.timetables = timetables;
		this.zone = triggers.zone();
		this.wordsPerMinute = Math.max(1, settings.readingWordsPerMinute());
	}

	/** The programme of the timetable in force now. */
	Programme programme() {
		return new Programme(this.timetables.current(), this.zone, this::airTime);
	}

	ZoneId zone() {
		return this.zone;
	}

	/** How long reading the item's radio script (or its text) aloud takes. */
	Duration airTime(ItemView item) {
		if (!item.channels().contains(Channel.RADIO)) {
			return Duration.ZERO;
		}
		String script = (item.variants() != null && item.variants().radioScript() != null)
				? item.variants().radioScript() : item.bodyMarkdown();
		String text = (script != null) ? script.strip() : "";
		long words = text.isEmpty() ? 0 : text.split("\\s+").length;
		return Duration.ofSeconds(Math.round(words * 60.0 / this.wordsPerMinute));
	}

}
