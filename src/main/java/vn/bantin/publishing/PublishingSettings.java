package vn.bantin.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How late a publication may still go out ({@code bantin.publishing.*}). Web pages and
 * feeds have no limit: they publish however late.
 *
 * @param emailMaxLateness the most an email may be late and still go out by itself; later
 * ones wait for an editor's confirmation
 * @param radioMaxLateness the most a radio occurrence may be late and still be played;
 * later ones are marked missed
 * @param maxAttempts how many hand-overs to a channel may fail before the publication is
 * marked failed (with the last error as its reason)
 */
@ConfigurationProperties("bantin.publishing")
record PublishingSettings(@DefaultValue("12h") Duration emailMaxLateness,
		@DefaultValue("15m") Duration radioMaxLateness, @DefaultValue("5") int maxAttempts) {

	/**
	 * The settings when nothing is configured: 12 hours for email, 15 minutes for radio,
	 * 5 attempts.
	 */
	public static PublishingSettings defaults() {
		return new PublishingSettings(Duration.ofHours(12), Duration.ofMinutes(15), 5);
	}

}
