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
 * @param loginThrottle how repeated failed sign-ins are slowed down
 */
@ConfigurationProperties("bantin.account")
record AccountSettings(String initialAdminPassword, @DefaultValue LoginThrottleSettings loginThrottle) {

	/**
	 * @param maxFailures failures allowed within {@code window} before sign-in is refused
	 * @param window how far back failures count
	 * @param lock how long sign-in stays refused after the last failure once the limit is
	 * reached
	 */
	record LoginThrottleSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lock) {
	}

}
