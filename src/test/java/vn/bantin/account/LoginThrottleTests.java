package vn.bantin.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.MutableClock;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LoginThrottle} on its own, with the default limits (a name from one address: 5
 * failures in 15 minutes lock it there for 15 minutes; a name from every address: 50 in
 * 24 hours lock it everywhere for an hour; an address: 20 for any names in 15 minutes),
 * counting in the database, on H2 and on PostgreSQL. Each check runs in a transaction
 * that is rolled back.
 */
class LoginThrottleTests {

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	static final Duration USER_WINDOW = Duration.ofHours(24);

	static final Duration USER_LOCK = Duration.ofHours(1);

	/** A real instant, with a fraction of a second finer than the columns keep. */
	static final Instant START = Instant.parse("2025-03-03T01:00:00.123456789Z");

	@Nested
	@H2Database
	class OnH2 extends ThrottleChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends ThrottleChecks {

	}

	@PersistenceTest
	abstract static class ThrottleChecks {

		static final String HOME = "192.0.2.1";

		static final String ATTACKER = "198.51.100.7";

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		StaffUserStore users;

		final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);

		LoginThrottle throttle;

		@BeforeEach
		void throttleOverTheDatabase() {
			this.jdbc.update("DELETE FROM sign_in_failure");
			this.throttle = throttleOfANode();
		}

		/**
		 * A throttle as another node of a cluster has it: its own, over the same table.
		 */
		LoginThrottle throttleOfANode() {
			return new LoginThrottle(new SignInFailures(this.jdbc),
					new AccountSettings(null,
							new AccountSettings.LoginThrottleSettings(5, WINDOW, LOCK, 20, 50, USER_WINDOW, USER_LOCK)),
					this.clock);
		}

		@Test
		void nameIsLockedFromAnAddressAtTheFifthFailureThereAndNotBefore() {
			failTimes(4, "lan", HOME);
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
			this.throttle.recordFailure("lan", HOME);
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
			assertThat(this.throttle.lockedUntil("lan", HOME))
				.contains(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(LOCK));
		}

		@Test
		void failuresFromAnAttackersAddressDoNotLockTheOwnerElsewhere() {
			failTimes(5, "lan", ATTACKER);
			assertThat(this.throttle.isLocked("lan", ATTACKER)).isTrue();
			assertThat(this.throttle.isLocked("lan", HOME)).as("the owner at home").isFalse();
			assertThat(this.throttle.isLocked(" LAN ", ATTACKER)).as("whatever the case").isTrue();
			assertThat(this.throttle.isLocked("mai", ATTACKER)).as("another name").isFalse();
		}

		@Test
		void failuresSpreadWiderThanTheWindowDoNotLock() {
			failTimes(4, "lan", HOME);
			this.clock.advance(WINDOW.plusSeconds(1));
			this.throttle.recordFailure("lan", HOME);
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
		}

		@Test
		void failuresJustInsideTheWindowLock() {
			failTimes(4, "lan", HOME);
			this.clock.advance(WINDOW);
			this.throttle.recordFailure("lan", HOME);
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
		}

		@Test
		void lockEndsLockAfterTheLastFailure() {
			failTimes(5, "lan", HOME);
			this.clock.advance(LOCK.minusMillis(1));
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
			this.clock.advance(Duration.ofMillis(1));
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
		}

		@Test
		void aFailureWhileLockedIsCountedAndRestartsTheLock() {
			failTimes(5, "lan", HOME);
			this.clock.advance(Duration.ofMinutes(10));
			this.throttle.recordFailure("lan", HOME);
			this.clock.advance(Duration.ofMinutes(10));
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
			this.clock.advance(Duration.ofMinutes(5));
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
		}

		@Test
		void successClearsTheNamesFailuresFromThatAddressOnly() {
			failTimes(4, "lan", HOME);
			failTimes(4, "lan", ATTACKER);
			this.throttle.recordSuccess("lan", HOME);
			this.throttle.recordFailure("lan", HOME);
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
			this.throttle.recordFailure("lan", ATTACKER);
			assertThat(this.throttle.isLocked("lan", ATTACKER)).isTrue();
		}

		@Test
		void guessingSpreadOverManyAddressesLocksTheNameEverywhere() {
			for (int i = 0; i < 49; i++) {
				this.throttle.recordFailure("lan", "203.0.113." + i);
				this.clock.advance(Duration.ofSeconds(7));
			}
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
			this.throttle.recordFailure("lan", "203.0.113.49");
			Instant last = this.clock.instant();
			assertThat(this.throttle.isLocked("lan", HOME)).as("from the owner's own address").isTrue();
			assertThat(this.throttle.isLocked("mai", HOME)).as("another name").isFalse();
			this.clock.set(last.plus(USER_LOCK).minusNanos(1_000));
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
			this.clock.set(last.plus(USER_LOCK));
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
			// still 50 failures within 24 hours: the next one locks for another hour
			this.throttle.recordFailure("lan", "203.0.113.50");
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
		}

		@Test
		void failuresOfTheNameSpreadOverMoreThanADayDoNotLockItEverywhere() {
			for (int i = 0; i < 50; i++) {
				this.throttle.recordFailure("lan", "203.0.113." + i);
				this.clock.advance(Duration.ofMinutes(30));
			}
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
		}

		@Test
		void addressIsLockedAfterTwentyFailuresForAnyNames() {
			for (int i = 0; i < 19; i++) {
				this.throttle.recordFailure("user" + i, HOME);
			}
			assertThat(this.throttle.isLocked("someone-else", HOME)).isFalse();
			this.throttle.recordFailure("user19", HOME);
			assertThat(this.throttle.isLocked("someone-else", HOME)).isTrue();
			assertThat(this.throttle.isLocked("someone-else", ATTACKER)).as("another address").isFalse();
		}

		@Test
		void successDoesNotClearTheAddressFailures() {
			for (int i = 0; i < 20; i++) {
				this.throttle.recordFailure("user" + i, HOME);
			}
			this.throttle.recordSuccess("user0", HOME);
			assertThat(this.throttle.isLocked("user0", HOME)).isTrue();
			this.clock.advance(LOCK);
			assertThat(this.throttle.isLocked("user0", HOME)).isFalse();
		}

		@Test
		void everyNodeCountsTheSameFailures() {
			LoginThrottle other = throttleOfANode();
			failTimes(3, "lan", HOME);
			other.recordFailure("lan", HOME);
			other.recordFailure("lan", HOME);
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
			assertThat(other.isLocked("lan", HOME)).isTrue();
			assertThat(throttleOfANode().isLocked("lan", HOME)).as("after a restart").isTrue();
		}

		@Test
		void unlockingLetsTheNameInFromEveryAddressButKeepsTheAddressCounts() {
			failTimes(5, "lan", ATTACKER);
			for (int i = 0; i < 50; i++) {
				this.throttle.recordFailure("lan", "203.0.113." + i);
			}
			for (int i = 0; i < 15; i++) {
				this.throttle.recordFailure("sprayed" + i, ATTACKER);
			}
			assertThat(this.throttle.isLocked("lan", HOME)).isTrue();
			this.throttle.unlock("lan", "boss");
			assertThat(this.throttle.isLocked("lan", HOME)).isFalse();
			assertThat(this.throttle.isLocked("lan", "203.0.113.1")).isFalse();
			assertThat(this.throttle.isLocked("mai", ATTACKER)).as("the attacker's address, 20 failures").isTrue();
		}

		@Test
		void lockedAccountsAreTheStaffUsersLockedNowWithWhereAndUntilWhen() {
			StaffUser lan = this.users.save(user("lan"));
			StaffUser mai = this.users.save(user("mai"));
			this.users.save(user("binh"));
			this.users.flush();
			failTimes(5, "lan", ATTACKER);
			Instant lanLocked = this.clock.instant();
			this.clock.advance(Duration.ofSeconds(1));
			for (int i = 0; i < 50; i++) {
				this.throttle.recordFailure("mai", "203.0.113." + i);
			}
			Instant maiLocked = this.clock.instant();
			failTimes(4, "binh", ATTACKER);
			failTimes(5, "nobody", HOME);

			assertThat(this.throttle.lockedAccounts()).extracting(LoginThrottle.LockedAccount::username)
				.containsExactly("mai", "lan");
			LoginThrottle.LockedAccount lanLock = this.throttle.lockOf(lan).orElseThrow();
			assertThat(lanLock.lockedEverywhere()).isFalse();
			assertThat(lanLock.addresses()).singleElement().satisfies((address) -> {
				assertThat(address.address()).isEqualTo(ATTACKER);
				assertThat(address.failures()).isEqualTo(5);
				assertThat(address.until()).isEqualTo(micros(lanLocked).plus(LOCK));
			});
			LoginThrottle.LockedAccount maiLock = this.throttle.lockOf(mai).orElseThrow();
			assertThat(maiLock.lockedEverywhereUntil()).isEqualTo(micros(maiLocked).plus(USER_LOCK));
			assertThat(maiLock.addresses()).isEmpty();
			assertThat(maiLock.failures()).isEqualTo(50);

			this.throttle.unlock("lan", "boss");
			assertThat(this.throttle.lockedAccounts()).extracting(LoginThrottle.LockedAccount::username)
				.containsExactly("mai");
			this.clock.advance(USER_LOCK);
			assertThat(this.throttle.lockedAccounts()).isEmpty();
		}

		@Test
		void aNameNoUserCanHaveIsKeptAsAHashAndStillLocks() {
			String huge = "x".repeat(10_000) + "\r\nforged log line";
			failTimes(5, huge, HOME);
			assertThat(this.throttle.isLocked(huge, HOME)).isTrue();
			assertThat(this.throttle.isLocked("x".repeat(10_000), HOME)).isFalse();
			assertThat(this.jdbc.queryForList("SELECT DISTINCT username FROM sign_in_failure", String.class))
				.singleElement()
				.satisfies((kept) -> assertThat(kept).startsWith("#").hasSizeLessThanOrEqualTo(64));
		}

		@Test
		void failuresNoLimitCountsAnyMoreAreDeleted() {
			failTimes(5, "lan", HOME);
			this.clock.advance(USER_WINDOW.plus(USER_LOCK).plusSeconds(1));
			this.throttle.recordFailure("mai", HOME);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_failure", Integer.class)).isEqualTo(1);
		}

		private void failTimes(int times, String username, String address) {
			for (int i = 0; i < times; i++) {
				this.throttle.recordFailure(username, address);
			}
		}

		private static StaffUser user(String username) {
			return new StaffUser(username, username.toUpperCase(java.util.Locale.ROOT), "{noop}x", Set.of(Role.EDITOR),
					START);
		}

		private static Instant micros(Instant instant) {
			return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		}

	}

}
