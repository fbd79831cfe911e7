package vn.bantin.timetable;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

import vn.bantin.system.BantinProperties;

/**
 * The {@link Programme} of the timetable in force, on the wall clock of the commune in
 * scope ({@code bantin.zone} in a single-commune deployment), with air times estimated by
 * one {@link ReadingTime} ({@code bantin.schedule.reading-words-per-minute}).
 *
 * <p>
 * The one place the application builds its programme: the engine records what it places,
 * the agenda and the calendar feeds show what it plans, so what an officer sees is what
 * goes out, estimated at the same pace (the agenda used to build its own and could
 * disagree on the words per minute).
 */
@Component
public class ProgrammeInForce {

	private final Timetables timetables;

	private final BantinProperties properties;

	private final ReadingTime readingTime;

	ProgrammeInForce(Timetables timetables, BantinProperties properties, ScheduleSettings settings) {
		this.timetables = timetables;
		this.properties = properties;
		this.readingTime = new ReadingTime(settings);
	}

	/**
	 * The programme of the timetable in force now in the commune in scope, on its wall
	 * clock.
	 */
	public Programme programme() {
		return new Programme(this.timetables.current(), zone(), this.readingTime::of);
	}

	/** The pace every estimate of the programme uses. */
	public ReadingTime readingTime() {
		return this.readingTime;
	}

	/**
	 * The zone of the commune in scope, whose wall clock its slots follow: read on every
	 * call, as one bean plans for every commune.
	 */
	public ZoneId zone() {
		return this.properties.zone();
	}

}
