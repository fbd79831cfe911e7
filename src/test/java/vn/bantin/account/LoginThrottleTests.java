package vn.bantin.account;

import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.bantin.MutableClock;
import vn.bantin.MutableClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoginThrottle} on its own, with 5 failures in a 15-minute window and a 15-minute
 * lock.
 */
class LoginThrottleTests {

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	final MutableClock clock = new MutableClock(MutableClockConfiguration.START, ZoneOffset.UTC);

	final LoginThrottle throttle = new LoginThrottle(
			new AccountSettings(null, new AccountSettings.LoginThrottleSettings(5, WINDOW, LOCK)), this.clock);

	@Test
	void nameIsLockedAtTheFifthFailureAndNotBefore() {
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure("lan", "192.0.2.1");
		}
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isFalse();
		this.throttle.recordFailure("lan", "192.0.2.1");
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isTrue();
	}

	@Test
	void lockedNameStaysLockedFromAnyAddressAndWhateverItsCase() {
		failTimes(5, "lan", "192.0.2.1");
		assertThat(this.throttle.isLocked("lan", "198.51.100.7")).isTrue();
		assertThat(this.throttle.isLocked(" LAN ", "198.51.100.7")).isTrue();
		assertThat(this.throttle.isLocked("mai", "198.51.100.7")).as("another name").isFalse();
	}

	@Test
	void failuresSpreadWiderThanTheWindowDoNotLock() {
		failTimes(4, "lan", "192.0.2.1");
		this.clock.advance(WINDOW.plusSeconds(1));
		this.throttle.recordFailure("lan", "192.0.2.1");
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isFalse();
	}

	@Test
	void failuresJustInsideTheWindowLock() {
		failTimes(4, "lan", "192.0.2.1");
		this.clock.advance(WINDOW);
		this.throttle.recordFailure("lan", "192.0.2.1");
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isTrue();
	}

	@Test
	void lockEndsLockAfterTheLastFailure() {
		failTimes(5, "lan", "192.0.2.1");
		this.clock.advance(LOCK.minusMillis(1));
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isFalse();
	}

	@Test
	void aFailureWhileLockedIsCountedAndRestartsTheLock() {
		failTimes(5, "lan", "192.0.2.1");
		this.clock.advance(Duration.ofMinutes(10));
		this.throttle.recordFailure("lan", "192.0.2.1");
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isTrue();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isFalse();
	}

	@Test
	void successClearsTheNamesFailures() {
		failTimes(4, "lan", "192.0.2.1");
		this.throttle.recordSuccess("lan");
		this.throttle.recordFailure("lan", "192.0.2.1");
		assertThat(this.throttle.isLocked("lan", "192.0.2.1")).isFalse();
	}

	@Test
	void addressIsLockedAfterFourTimesAsManyFailuresAsAName() {
		for (int i = 0; i < 19; i++) {
			this.throttle.recordFailure("user" + i, "192.0.2.1");
		}
		assertThat(this.throttle.isLocked("someone-else", "192.0.2.1")).isFalse();
		this.throttle.recordFailure("user19", "192.0.2.1");
		assertThat(this.throttle.isLocked("someone-else", "192.0.2.1")).isTrue();
		assertThat(this.throttle.isLocked("someone-else", "192.0.2.2")).as("another address").isFalse();
	}

	@Test
	void successDoesNotClearTheAddressFailures() {
		for (int i = 0; i < 20; i++) {
			this.throttle.recordFailure("user" + i, "192.0.2.1");
		}
		this.throttle.recordSuccess("user0");
		assertThat(this.throttle.isLocked("user0", "192.0.2.1")).isTrue();
		this.clock.advance(LOCK);
		assertThat(this.throttle.isLocked("user0", "192.0.2.1")).isFalse();
	}

	private void failTimes(int times, String username, String address) {
		for (int i = 0; i < times; i++) {
			this.throttle.recordFailure(username, address);
		}
	}

}
