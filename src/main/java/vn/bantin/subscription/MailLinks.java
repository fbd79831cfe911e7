package vn.bantin.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.bantin.commune.Commune;
import vn.bantin.commune.CommuneIdentity;

/**
 * The absolute, signed links that mails carry, built on the commune's website address
 * ({@link CommuneIdentity#websiteUrl()}): confirm a sign-up, leave a list, the preference
 * page; and the address mails come from.
 */
@Component
class MailLinks {

	private final LinkTokens tokens;

	private final Commune commune;

	private final SubscriptionSettings settings;

	private final Clock clock;

	MailLinks(LinkTokens tokens, Commune commune, SubscriptionSettings settings, Clock clock) {
		this.tokens = tokens;
		this.commune = commune;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The link that confirms these lists for this subscriber, valid for the pending days.
	 */
	URI confirm(long subscriberId, Set<String> lists) {
		Instant expires = this.clock.instant().plus(this.settings.pending());
		String token = this.tokens.issue(LinkTokens.Purpose.CONFIRM, subscriberId, joined(lists), expires);
		return site("/subscribe/confirm?token=" + token);
	}

	/** The one-click link that takes this subscriber off this list; never expires. */
	URI unsubscribe(long subscriberId, String listKey) {
		return site("/unsubscribe?token=" + unsubscribeToken(subscriberId, listKey));
	}

	/**
	 * The {@code mailto:} alternative of {@link #unsubscribe}: to the commune's address
	 * (or {@link #sender()}), the token in the subject so that staff can act on it.
	 */
	URI unsubscribeMailto(long subscriberId, String listKey) {
		return URI.create("mailto:" + sender() + "?subject=unsubscribe%20" + unsubscribeToken(subscriberId, listKey));
	}

	/** The preference page of this subscriber; never expires. */
	URI preferences(long subscriberId) {
		return site("/preferences?token=" + this.tokens.issue(LinkTokens.Purpose.PREFERENCES, subscriberId, "", null));
	}

	/**
	 * The address mails come from: the commune's email, else
	 * {@code bantin.subscription.mail-from}, else {@code noreply@} the website's host.
	 */
	String sender() {
		CommuneIdentity identity = this.commune.identity();
		if (StringUtils.hasText(identity.email())) {
			return identity.email().strip();
		}
		if (StringUtils.hasText(this.settings.mailFrom())) {
			return this.settings.mailFrom().strip();
		}
		String host = URI.create(base()).getHost();
		return "noreply@" + ((host != null) ? host : "localhost");
	}

	private String unsubscribeToken(long subscriberId, String listKey) {
		return this.tokens.issue(LinkTokens.Purpose.UNSUBSCRIBE, subscriberId, listKey, null);
	}

	private URI site(String pathAndQuery) {
		return URI.create(base() + pathAndQuery);
	}

	private String base() {
		String url = this.commune.identity().websiteUrl();
		String base = StringUtils.hasText(url) ? url.strip() : "http://localhost:8080";
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static String joined(Set<String> lists) {
		return String.join(",", new TreeSet<>(lists));
	}

	static Set<String> split(String lists) {
		Set<String> keys = new TreeSet<>();
		for (String key : lists.split(",")) {
			if (!key.isBlank()) {
				keys.add(key);
			}
		}
		return keys;
	}

}
