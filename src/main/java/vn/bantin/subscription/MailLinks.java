package vn.bantin.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import vn.bantin.commune.SiteAddress;
import vn.bantin.mailroom.Mailroom;

/**
 * The absolute, signed links that mails carry, built on the commune's website address
 * ({@link SiteAddress}): confirm a sign-up, leave a list, the preference page; and the
 * address mails come from.
 *
 * <p>
 * A list mail carries only the unsubscribe link of its list (it is forwarded, archived,
 * read by others): the preference page it links to has no token and mails a link of its
 * own to the address's owner ({@link PreferenceLinks}).
 */
@Component
class MailLinks {

	private final LinkTokens tokens;

	private final SiteAddress site;

	private final SubscriptionSettings settings;

	private final Clock clock;

	private final Mailroom mailroom;

	MailLinks(LinkTokens tokens, SiteAddress site, SubscriptionSettings settings, Clock clock, Mailroom mailroom) {
		this.mailroom = mailroom;
		this.tokens = tokens;
		this.site = site;
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

	/**
	 * The preference page of this subscriber, for a mail to that subscriber alone: valid
	 * for {@code bantin.subscription.preferences-days} and while the subscriber's
	 * generation is this one.
	 */
	URI preferences(long subscriberId, long generation) {
		Instant expires = this.clock.instant().plus(this.settings.preferencesLifetime());
		return site("/preferences?token="
				+ this.tokens.issue(LinkTokens.Purpose.PREFERENCES, subscriberId, "", expires, generation));
	}

	/**
	 * The preference page without a token, where a person asks for a link to their
	 * choices by mail: what list mails link to.
	 */
	URI preferencesRequest() {
		return site("/preferences");
	}

	/**
	 * The address mails come from: the mailroom's sender (the commune's email, else
	 * {@code bantin.mailroom.from-address}).
	 */
	String sender() {
		return this.mailroom.sender().getAddress();
	}

	private String unsubscribeToken(long subscriberId, String listKey) {
		return this.tokens.issue(LinkTokens.Purpose.UNSUBSCRIBE, subscriberId, listKey, null);
	}

	private URI site(String pathAndQuery) {
		return URI.create(base() + pathAndQuery);
	}

	private String base() {
		return this.site.base();
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
