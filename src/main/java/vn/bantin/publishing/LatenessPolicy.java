package vn.bantin.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;

/**
 * Decides whether a due occurrence still goes out, given how late it is. Pure and
 * immutable: the same channel, planned instant and current instant always give the same
 * decision.
 * <ul>
 * <li>{@link Channel#WEB web} and {@link Channel#FEED feeds} publish however late (for
 * example at start-up after downtime);</li>
 * <li>{@link Channel#EMAIL email} goes out while less than
 * {@link PublishingSettings#emailMaxLateness()} late (12 hours by default), otherwise it
 * waits for an editor's confirmation;</li>
 * <li>a {@link Channel#RADIO radio} occurrence more than
 * {@link PublishingSettings#radioMaxLateness()} late (15 minutes by default) is
 * missed.</li>
 * </ul>
 * Radio lateness equal to its limit is still within it ("more than 15 minutes" is
 * missed); email lateness must stay below its limit ("less than 12 hours").
 */
@Component
final class LatenessPolicy {

	private final Duration emailMaxLateness;

	private final Duration radioMaxLateness;

	public LatenessPolicy(PublishingSettings settings) {
		this.emailMaxLateness = Objects.requireNonNull(settings.emailMaxLateness(), "emailMaxLateness");
		this.radioMaxLateness = Objects.requireNonNull(settings.radioMaxLateness(), "radioMaxLateness");
	}

	/**
	 * Decides an occurrence planned at {@code planned} that is due at {@code now}. Call
	 * it only for due occurrences: one planned in the future ({@code now} before
	 * {@code planned}) is treated as on time, with zero lateness.
	 * @param channel where the occurrence goes out
	 * @param planned the planned instant of the occurrence
	 * @param now the current instant
	 * @return the decision with its lateness and a short English reason
	 */
	public Decision decide(Channel channel, Instant planned, Instant now) {
		Objects.requireNonNull(channel, "channel");
		Duration lateness = Duration.between(planned, now);
		if (lateness.isNegative() || lateness.isZero()) {
			return new Decision(Outcome.DUE, Duration.ZERO, "on time");
		}
		String late = "late by " + format(lateness);
		return switch (channel) {
			case WEB, FEED -> new Decision(Outcome.DUE, lateness, late);
			case EMAIL -> (lateness.compareTo(this.emailMaxLateness) < 0) ? new Decision(Outcome.DUE, lateness, late)
					: new Decision(Outcome.AWAIT_CONFIRMATION, lateness, late + ", not less than "
							+ format(this.emailMaxLateness) + " for email: waiting for an editor's confirmation");
			case RADIO -> (lateness.compareTo(this.radioMaxLateness) <= 0) ? new Decision(Outcome.DUE, lateness, late)
					: new Decision(Outcome.MISSED, lateness,
							late + ", more than " + format(this.radioMaxLateness) + " for radio");
		};
	}

	/**
	 * A duration in hours and minutes, zero parts left out ({@code 3h 5m}, {@code 12h},
	 * {@code 40m}); seconds only for less than a minute ({@code 45s}).
	 */
	static String format(Duration duration) {
		long hours = duration.toHours();
		int minutes = duration.toMinutesPart();
		if (hours == 0 && minutes == 0) {
			return duration.toSecondsPart() + "s";
		}
		StringBuilder text = new StringBuilder();
		if (hours > 0) {
			text.append(hours).append('h');
		}
		if (minutes > 0) {
			text.append((hours > 0) ? " " : "").append(minutes).append('m');
		}
		return text.toString();
	}

	/** What happens to a due occurrence. */
	public enum Outcome {

		/** It goes out now. */
		DUE,

		/** It is too late to go out by itself: an editor must confirm it. */
		AWAIT_CONFIRMATION,

		/** It is too late to go out at all. */
		MISSED

	}

	/**
	 * A decision on one occurrence.
	 *
	 * @param outcome what happens to it
	 * @param lateness how late it is, zero when on time
	 * @param reason a short English sentence, such as {@code on time},
	 * {@code late by 3h 5m} or {@code late by 2h 40m, more than 15m for radio}
	 */
	public record Decision(Outcome outcome, Duration lateness, String reason) {

	}

}
