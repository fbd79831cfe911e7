package vn.bantin.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler plans and fires ({@code bantin.schedule.*}).
 *
 * @param readingWordsPerMinute how fast an announcer reads a script aloud, to estimate
 * the air time of items without a recording
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

	/** The settings when nothing is configured. */
	public static ScheduleSettings defaults() {
		return new ScheduleSettings(160, 3, Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofMinutes(1));
	}

}
