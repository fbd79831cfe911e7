package vn.bantin.subscription;

import java.nio.file.Path;
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
 * @param sampleFile a CSV file of sample subscribers loaded when there is no subscriber
 * yet ({@link SampleSubscribers}); none by default
 * @param preferencesDays how long a link to the preference page stays valid after it was
 * mailed (a newer link, or leaving every list, revokes it sooner)
 */
@ConfigurationProperties("bantin.subscription")
record SubscriptionSettings(@DefaultValue("2") int bounceThreshold, @DefaultValue("7") int pendingDays,
		@DefaultValue("5") int signUpsPerIp, @DefaultValue("1h") Duration signUpIpWindow,
		@DefaultValue("3") int signUpsPerAddress, @DefaultValue("1d") Duration signUpAddressWindow, Path sampleFile,
		@DefaultValue("30") int preferencesDays) {

	/** How long a confirmation link stays valid. */
	Duration pending() {
		return Duration.ofDays(this.pendingDays);
	}

	/** How long a link to the preference page stays valid. */
	Duration preferencesLifetime() {
		return Duration.ofDays(this.preferencesDays);
	}

}
