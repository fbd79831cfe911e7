package vn.bantin.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module ({@code bantin.account.*}).
 *
 * @param initialAdminPassword password of user {@code admin} when the first start creates
 * it, from {@code BANTIN_ADMIN_PASSWORD}; when blank a random one is generated and logged
 * once
 * @param loginThrottle how repeated failed sign-ins (and wrong current passwords on the
 * change-password form) are slowed down
 */
@ConfigurationProperties("bantin.account")
record AccountSettings(String initialAdminPassword, @DefaultValue LoginThrottleSettings loginThrottle) {

	/**
	 * How failed sign-ins lock (see {@link LoginThrottle}). A user name is locked from
	 * one client address after {@code maxFailures} there, so that an attacker elsewhere
	 * cannot lock its owner out; and from every address after {@code userMaxFailures} in
	 * all, a slower limit that still stops guessing spread over many addresses.
	 *
	 * @param maxFailures failures of one user name from one address within {@code window}
	 * that lock that name from that address
	 * @param window how far back failures count, for a name from one address and for an
	 * address
	 * @param lock how long sign-in stays refused after the last failure once a limit is
	 * reached (a name from one address, or an address)
	 * @param addressMaxFailures failures from one address, whatever the names, within
	 * {@code window} that lock the address (an office shares one address, so more than
	 * {@code maxFailures})
	 * @param userMaxFailures failures of one user name from all addresses within
	 * {@code userWindow} that lock the name everywhere
	 * @param userWindow how far back failures count for the name everywhere
	 * @param userLock how long the name stays locked everywhere after its last failure
	 */
	record LoginThrottleSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lock, @DefaultValue("20") int addressMaxFailures,
			@DefaultValue("50") int userMaxFailures, @DefaultValue("24h") Duration userWindow,
			@DefaultValue("1h") Duration userLock) {

		/** A name from one address. */
		LockRule perAddress() {
			return new LockRule(this.maxFailures, this.window, this.lock);
		}

		/** An address, whatever the names. */
		LockRule address() {
			return new LockRule(this.addressMaxFailures, this.window, this.lock);
		}

		/** A name from every address. */
		LockRule perUser() {
			return new LockRule(this.userMaxFailures, this.userWindow, this.userLock);
		}

	}

}
