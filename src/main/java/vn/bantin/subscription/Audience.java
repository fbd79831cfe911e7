package vn.bantin.subscription;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Who receives an email list, asked by the mailing module when it sends.
 *
 * <p>
 * SKELETON: the lead wrote these signatures for issue 6; the subscriptions' helper fills
 * in the bodies and keeps the contracts.
 */
@Service
public class Audience {

	/**
	 * The subscribers who receive the list now: confirmed, on the list, not suppressed
	 * (for the list or for everything); by id.
	 */
	public List<Recipient> recipients(String listKey) {
		throw new UnsupportedOperationException("issue 6: subscriptions not built yet");
	}

	/**
	 * Of these subscribers, the ids of those who still receive the list (someone who left
	 * since a send began is not mailed).
	 */
	public Set<Long> stillReceiving(String listKey, Collection<Long> subscriberIds) {
		throw new UnsupportedOperationException("issue 6: subscriptions not built yet");
	}

	/**
	 * The server refused this subscriber's address for good (at RCPT TO): counts a bounce
	 * with the server's answer; at {@code bantin.subscription.bounce-threshold} bounces
	 * the address is suppressed for every list.
	 */
	public void bounced(long subscriberId, String answer) {
		throw new UnsupportedOperationException("issue 6: subscriptions not built yet");
	}

	/** The links a mail of this list to this subscriber carries, absolute and signed. */
	public RecipientLinks links(long subscriberId, String listKey) {
		throw new UnsupportedOperationException("issue 6: subscriptions not built yet");
	}

	/**
	 * A subscriber as a mail addresses them.
	 *
	 * @param id the subscriber's id
	 * @param address the email address
	 * @param name the name, or null
	 * @param village the village (thôn), or null
	 */
	public record Recipient(long id, String address, String name, String village) {
	}

	/**
	 * The links every list mail carries.
	 *
	 * @param unsubscribe the https one-click unsubscribe URL ({@code List-Unsubscribe},
	 * answers a POST at once, a GET with a confirmation page)
	 * @param unsubscribeMailto a {@code mailto:} URI for {@code List-Unsubscribe}
	 * @param preferences the preference page (choose lists, name, village, leave all)
	 */
	public record RecipientLinks(URI unsubscribe, URI unsubscribeMailto, URI preferences) {
	}

}
