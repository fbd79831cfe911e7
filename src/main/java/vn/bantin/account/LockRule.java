package vn.bantin.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * One limit of the sign-in throttle: {@code maxFailures} failures within {@code window}
 * lock until {@code lock} after the last of them. The window is counted back from the
 * last failure, so a lock, once reached, lasts its full length after every further
 * failure, and failures spread wider than the window never lock.
 *
 * @param maxFailures failures that lock
 * @param window how far back from the last failure they count
 * @param lock how long after the last failure the lock lasts
 */
record LockRule(int maxFailures, Duration window, Duration lock) {

	/** How far back failures can matter at any instant: the window and the lock. */
	Duration horizon() {
		return this.window.plus(this.lock);
	}

	/**
	 * When the lock made by these failures ends, if they lock at {@code now}.
	 * @param failures the instants of the failures, in any order
	 */
	Optional<Instant> lockedUntil(Collection<Instant> failures, Instant now) {
		Instant last = failures.stream().max(Instant::compareTo).orElse(null);
		if (last == null) {
			return Optional.empty();
		}
		Instant until = last.plus(this.lock);
		if (!now.isBefore(until)) {
			return Optional.empty();
		}
		Instant windowStart = last.minus(this.window);
		long recent = failures.stream().filter((t) -> !t.isBefore(windowStart)).count();
		return (recent >= this.maxFailures) ? Optional.of(until) : Optional.empty();
	}

}
