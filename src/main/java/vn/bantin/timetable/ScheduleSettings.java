package vn.bantin.timetable;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler plans and fires ({@code bantin.schedule.*}).
 *
 * <p>
 * They are bound with the prefix the scheduler always had; the planner's part (the
 * reading pace) lives here in {@code timetable} beside {@link ReadingTime}, and the
 * engine in {@code schedule} reads the rest.
 *
 * @param readingWordsPerMinute how fast an announcer reads a script aloud, to estimate
 * the air time of items without a recording; at least 1 (a smaller value is refused at
 * start-up, so that no estimator falls back to a pace of its own)
 * @param emergencyRepeats how many times an emergency item plays on the radio right after
 * its approval (the first play included)
 * @param emergencyInterval the time between those plays
 * @param catchUp how far back after downtime missed occurrences are still recorded (with
 * their lateness decision); older ones are only logged
 * @param retryInterval how often publications whose channel failed are handed over again
 */
@ConfigurationProperties("bantin.schedule")
public record ScheduleSettings(@DefaultValue("160") int readingWordsPerMinute, @DefaultValue("3") int emergencyRepeats,
		@DefaultValue("15m") Duration emergencyInterval, @DefaultValue("7d") Duration catchUp,
		@DefaultValue("1m") Duration retryInterval) {

	public ScheduleSettings {
		if (readingWordsPerMinute < 1) {
			throw new IllegalArgumentException(
					"bantin.schedule.reading-words-per-minute: must be at least 1, was " + readingWordsPerMinute);
		}
	}

	/** The settings when nothing is configured. */
	public static ScheduleSettings defaults() {
		return new ScheduleSettings(160, 3, Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofMinutes(1));
	}

}
