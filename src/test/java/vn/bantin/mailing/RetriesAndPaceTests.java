package vn.bantin.mailing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import vn.bantin.mailroom.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions after each outcome (sent only when accepted, back-off doubling up to a
 * limit, never resending the uncertain) and the pace of sends (evenly spaced per second,
 * at most so many per hour).
 */
class RetriesAndPaceTests {

	static final Instant NOW = Instant.parse("2025-03-10T06:00:00Z");

	static MailingSettings settings(int maxAttempts) {
		return new MailingSettings(10, 0, 50, 2, maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(10),
				Duration.ofSeconds(1), Duration.ofMinutes(2), 0, 0);
	}

	@Test
	void onlyAnAcceptedMessageIsSent() {
		Retries retries = new Retries(settings(5));
		assertThat(retries.after(new Outcome(Outcome.Kind.ACCEPTED, "250 Ok"), 0, NOW))
			.isEqualTo(new Retries.Settlement(DeliveryStatus.SENT, 1, null, "250 Ok", NOW, false));
		assertThat(retries.after(new Outcome(Outcome.Kind.UNCERTAIN, "timeout after data"), 0, NOW).status())
			.isEqualTo(DeliveryStatus.UNCERTAIN);
		assertThat(retries.after(new Outcome(Outcome.Kind.REJECTED, "554 no"), 0, NOW))
			.isEqualTo(new Retries.Settlement(DeliveryStatus.FAILED, 1, null, "554 no", null, false));
		assertThat(retries.after(new Outcome(Outcome.Kind.RECIPIENT_REJECTED, "550 unknown"), 0, NOW).bounce())
			.isTrue();
	}

	@Test
	void temporaryFailuresBackOffOneTwoFourMinutesUpToTheLimitThenFail() {
		Retries retries = new Retries(settings(5));
		Outcome later = new Outcome(Outcome.Kind.DEFERRED, "421 busy");
		assertThat(retries.after(later, 0, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(retries.after(later, 1, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
		assertThat(retries.after(later, 2, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
		assertThat(retries.after(later, 3, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(8)));
		Retries.Settlement last = retries.after(later, 4, NOW);
		assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(last.answer()).contains("5 attempts", "421 busy");
		assertThat(new Retries(settings(50)).backOff(20)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void sendsAreSpacedEvenlyWithinTheRatePerSecond() {
		AtomicLong ticker = new AtomicLong();
		Pace pace = new Pace(10, 0, ticker::get);
		assertThat(pace.reserve()).isZero();
		assertThat(pace.reserve()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
		assertThat(pace.reserve()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
		ticker.set(TimeUnit.SECONDS.toNanos(5));
		assertThat(pace.reserve()).isZero();
	}

	@Test
	void noMoreThanTheRatePerHourGoOutInAnyHour() {
		AtomicLong ticker = new AtomicLong();
		Pace pace = new Pace(0, 3, ticker::get);
		assertThat(pace.reserve()).isZero();
		ticker.set(TimeUnit.MINUTES.toNanos(10));
		assertThat(pace.reserve()).isZero();
		assertThat(pace.reserve()).isZero();
		// the fourth waits until an hour after the first
		assertThat(pace.idle()).isEqualTo(TimeUnit.MINUTES.toNanos(50));
		assertThat(pace.reserve()).isEqualTo(TimeUnit.MINUTES.toNanos(50));
	}

}
