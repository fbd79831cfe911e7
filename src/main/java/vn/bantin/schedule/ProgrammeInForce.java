package vn.bantin.schedule;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The {@link Programme} of the timetable in force, on the commune's wall clock, with air
 * times estimated by {@link ReadingTime}
 * ({@code bantin.schedule.reading-words-per-minute}).
 */
@Component
class ProgrammeInForce {

	private final Timetables timetables;

	private final ZoneId zone;

	private final ReadingTime readingTime;

	ProgrammeInForce(Timetables timetables, CommuneTriggers triggers, ScheduleSettings settings) {
		this.timetables = timetables;
		this.zone = triggers.zone();
		this.readingTime = new ReadingTime(Math.max(1, settings.readingWordsPerMinute()));
	}

	/** The programme of the timetable in force now. */
	Programme programme() {
		return new Programme(this.timetables.current(), this.zone, this.readingTime::of);
	}

	ZoneId zone() {
		return this.zone;
	}

}
