package vn.bantin.mailing;

import java.time.Duration;
import java.time.Instant;

import vn.bantin.mailroom.Outcome;

/**
 * What becomes of a delivery after the mailroom's {@link Outcome}: sent only when the
 * server accepted it; a temporary failure is tried again after an exponential back-off
 * (base, twice the base, four times, ... up to a maximum) until the attempts run out; a
 * permanent refusal fails with the server's answer (a refused recipient also counts as a
 * bounce); a message whose fate is unknown is uncertain and never sent again by itself.
 */
final class Retries {

	private final int maxAttempts;

	private final Duration base;

	private final Duration max;

	Retries(MailingSettings settings) {
		this.maxAttempts = settings.maxAttempts();
		this.base = settings.backOffBase();
		this.max = settings.backOffMax();
	}

	/**
	 * The settlement of a delivery attempted {@code attemptsBefore} times before this
	 * outcome, at {@code now}.
	 */
	Settlement after(Outcome outcome, int attemptsBefore, Instant now) {
		int attempts = attemptsBefore + 1;
		String answer = (outcome.answer() != null) ? outcome.answer() : outcome.kind().name();
		return switch (outcome.kind()) {
			case ACCEPTED -> new Settlement(DeliveryStatus.SENT, attempts, null, answer, now, false);
			case DEFERRED -> (attempts >= this.maxAttempts)
					? new Settlement(DeliveryStatus.FAILED, attempts, null,
							"gave up after " + attempts + " attempts, last: " + answer, null, false)
					: new Settlement(DeliveryStatus.RETRY, attempts, now.plus(backOff(attempts)), answer, null, false);
			case REJECTED -> new Settlement(DeliveryStatus.FAILED, attempts, null, answer, null, false);
			case RECIPIENT_REJECTED -> new Settlement(DeliveryStatus.FAILED, attempts, null, answer, null, true);
			case UNCERTAIN -> new Settlement(DeliveryStatus.UNCERTAIN, attempts, null, answer, null, false);
		};
	}

	/**
	 * The wait after the {@code attempts}-th temporary failure: base × 2^(attempts-1).
	 */
	Duration backOff(int attempts) {
		Duration wait = this.base;
		for (int i = 1; i < attempts && wait.compareTo(this.max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	/**
	 * What to store.
	 *
	 * @param status the new status
	 * @param attempts attempts so far
	 * @param nextAttemptAt when to try again (retries only)
	 * @param answer the server's answer
	 * @param sentAt when it was accepted (sent only)
	 * @param bounce whether the recipient's address was refused for good
	 */
	record Settlement(DeliveryStatus status, int attempts, Instant nextAttemptAt, String answer, Instant sentAt,
			boolean bounce) {
	}

}
