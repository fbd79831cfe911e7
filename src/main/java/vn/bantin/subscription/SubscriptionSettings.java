package vn.bantin.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How subscriptions behave ({@code bantin.subscription.*}).
 *
 * @param bounceThreshold how many permanent refusals of an address (at RCPT TO) suppress
 * it for every list
 * @param pendingDays how long a confirmation link stays valid; unconfirmed sign-ups whose
 * confirmation was sent longer ago are deleted
 * @param signUpsPerIp how many sign-ups one client address may make per
 * {@code signUpIpWindow}
 * @param signUpIpWindow the window of {@code signUpsPerIp}
 * @param signUpsPerAddress how many sign-ups may name one email address per
 * {@code signUpAddressWindow}
 * @param signUpAddressWindow the window of {@code signUpsPerAddress}
 * @param mailFrom the From address of confirmation mails (and the {@code mailto:} of
 * unsubscribe links) when the commune has no email address; blank: {@code noreply@} the
 * host of the commune's website
 */
@ConfigurationProperties("bantin.subscription")
record SubscriptionSettings(@DefaultValue("2") int bounceThreshold, @DefaultValue("7") int pendingDays,
		@DefaultValue("5") int signUpsPerIp, @DefaultValue("1h") Duration signUpIpWindow,
		@DefaultValue("3") int signUpsPerAddress, @DefaultValue("1d") Duration signUpAddressWindow,
		@DefaultValue("") String mailFrom) {

	/** How long a confirmation link stays valid. */
	Duration pending() {
		return Duration.ofDays(this.pendingDays);
	}

}
