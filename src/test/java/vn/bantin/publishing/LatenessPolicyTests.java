package vn.bantin.publishing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.bantin.content.Channel;
import vn.bantin.publishing.LatenessPolicy.Decision;
import vn.bantin.publishing.LatenessPolicy.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How late each channel may still go out.
 */
class LatenessPolicyTests {

	private static final Instant PLANNED = Instant.parse("2025-03-10T06:00:00Z");

	private final LatenessPolicy policy = new LatenessPolicy(PublishingSettings.defaults());

	@Test
	void everyChannelIsOnTimeAtThePlannedInstant() {
		for (Channel channel : Channel.values()) {
			assertThat(this.policy.decide(channel, PLANNED, PLANNED))
				.isEqualTo(new Decision(Outcome.DUE, Duration.ZERO, "on time"));
		}
	}

	@Test
	void anOccurrenceInTheFutureCountsAsOnTime() {
		assertThat(this.policy.decide(Channel.RADIO, PLANNED, PLANNED.minusSeconds(3600)))
			.isEqualTo(new Decision(Outcome.DUE, Duration.ZERO, "on time"));
	}

	@Test
	void webAndFeedsPublishHoweverLate() {
		Instant threeDaysLater = PLANNED.plus(Duration.ofDays(3)).plusSeconds(5 * 60);
		for (Channel channel : new Channel[] { Channel.WEB, Channel.FEED }) {
			Decision decision = this.policy.decide(channel, PLANNED, threeDaysLater);
			assertThat(decision.outcome()).isEqualTo(Outcome.DUE);
			assertThat(decision.lateness()).isEqualTo(Duration.ofDays(3).plusMinutes(5));
			assertThat(decision.reason()).isEqualTo("late by 72h 5m");
		}
	}

	@Test
	void emailGoesOutWhenLessThanTwelveHoursLate() {
		Decision decision = this.policy.decide(Channel.EMAIL, PLANNED, PLANNED.plus(Duration.ofMinutes(11 * 60 + 59)));
		assertThat(decision.outcome()).isEqualTo(Outcome.DUE);
		assertThat(decision.lateness()).isEqualTo(Duration.ofMinutes(11 * 60 + 59));
		assertThat(decision.reason()).isEqualTo("late by 11h 59m");
	}

	@Test
	void emailMoreThanTwelveHoursLateWaitsForConfirmation() {
		Decision decision = this.policy.decide(Channel.EMAIL, PLANNED, PLANNED.plus(Duration.ofMinutes(12 * 60 + 1)));
		assertThat(decision.outcome()).isEqualTo(Outcome.AWAIT_CONFIRMATION);
		assertThat(decision.lateness()).isEqualTo(Duration.ofMinutes(12 * 60 + 1));
		assertThat(decision.reason()).startsWith("late by 12h 1m, not less than 12h for email");
	}

	@Test
	void emailExactlyTwelveHoursLateIsNoLongerLessThanTheLimit() {
		assertThat(this.policy.decide(Channel.EMAIL, PLANNED, PLANNED.plus(Duration.ofHours(12))).outcome())
			.isEqualTo(Outcome.AWAIT_CONFIRMATION);
	}

	@Test
	void radioIsPlayedWhenAtMostFifteenMinutesLate() {
		Decision decision = this.policy.decide(Channel.RADIO, PLANNED, PLANNED.plus(Duration.ofMinutes(14)));
		assertThat(decision).isEqualTo(new Decision(Outcome.DUE, Duration.ofMinutes(14), "late by 14m"));
		assertThat(this.policy.decide(Channel.RADIO, PLANNED, PLANNED.plus(Duration.ofMinutes(15))).outcome())
			.isEqualTo(Outcome.DUE);
	}

	@Test
	void radioMoreThanFifteenMinutesLateIsMissed() {
		Decision decision = this.policy.decide(Channel.RADIO, PLANNED, PLANNED.plus(Duration.ofMinutes(16)));
		assertThat(decision)
			.isEqualTo(new Decision(Outcome.MISSED, Duration.ofMinutes(16), "late by 16m, more than 15m for radio"));
		assertThat(this.policy.decide(Channel.RADIO, PLANNED, PLANNED.plus(Duration.ofMinutes(160))).reason())
			.isEqualTo("late by 2h 40m, more than 15m for radio");
	}

	@Test
	void lessThanAMinuteLateIsGivenInSeconds() {
		assertThat(this.policy.decide(Channel.WEB, PLANNED, PLANNED.plusSeconds(45)).reason()).isEqualTo("late by 45s");
	}

	@Test
	void limitsAreConfigurable() {
		LatenessPolicy strict = new LatenessPolicy(
				new PublishingSettings(Duration.ofHours(1), Duration.ofMinutes(5), 5));
		assertThat(strict.decide(Channel.EMAIL, PLANNED, PLANNED.plus(Duration.ofMinutes(61))).outcome())
			.isEqualTo(Outcome.AWAIT_CONFIRMATION);
		assertThat(strict.decide(Channel.EMAIL, PLANNED, PLANNED.plus(Duration.ofMinutes(59))).outcome())
			.isEqualTo(Outcome.DUE);
		Decision radio = strict.decide(Channel.RADIO, PLANNED, PLANNED.plus(Duration.ofMinutes(6)));
		assertThat(radio.outcome()).isEqualTo(Outcome.MISSED);
		assertThat(radio.reason()).isEqualTo("late by 6m, more than 5m for radio");
		assertThat(strict.decide(Channel.WEB, PLANNED, PLANNED.plus(Duration.ofDays(30))).outcome())
			.isEqualTo(Outcome.DUE);
	}

}
