package vn.bantin.subscription;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.bantin.system.CommuneTenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives an email list, asked by the mailing module when it sends: the recipients,
 * whether they still receive it, that an address bounced, and the signed links each mail
 * carries.
 *
 * <p>
 * Recipients are read with one query (no entity per row), so that a list of ten thousand
 * costs one round trip; it names the commune in scope itself (plain SQL is not filtered
 * by the tenant), for the subscriber, the subscription and the suppression alike.
 */
@Service
// every statement in a transaction: on PostgreSQL only a transaction names the commune
// that
// row-level security lets it see (system.CommuneTransactions); outside one it sees no row
@Transactional
public class Audience {

	/**
	 * The receiving subscribers of a list in one commune; arguments: the commune, the
	 * list, the list again.
	 */
	private static final String RECEIVING = "FROM subscriber s JOIN subscription l ON l.subscriber_id = s.id"
			+ " AND l.commune_id = s.commune_id WHERE s.commune_id = ? AND l.list_key = ? AND s.status = 'CONFIRMED'"
			+ " AND NOT EXISTS (SELECT 1 FROM suppression p WHERE p.commune_id = s.commune_id"
			+ " AND p.address_key = s.address_key AND p.list_key IN (?, '" + Suppression.ALL_LISTS + "'))";

	private static final int IDS_PER_QUERY = 500;

	private final JdbcTemplate jdbc;

	private final SubscriberStore subscribers;

	private final SuppressionStore suppressions;

	private final MailLinks links;

	private final SubscriptionSettings settings;

	private final Clock clock;

	private final CommuneTenancy tenancy;

	Audience(JdbcTemplate jdbc, SubscriberStore subscribers, SuppressionStore suppressions, MailLinks links,
			SubscriptionSettings settings, Clock clock, CommuneTenancy tenancy) {
		this.tenancy = tenancy;
		this.jdbc = jdbc;
		this.subscribers = subscribers;
		this.suppressions = suppressions;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The subscribers who receive the list now: confirmed, on the list, not suppressed
	 * (for the list or for everything); by id.
	 */
	public List<Recipient> recipients(String listKey) {
		return this.jdbc.query("SELECT s.id, s.address, s.name, s.village " + RECEIVING + " ORDER BY s.id",
				(rs, row) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
				this.tenancy.requireCommune(), listKey, listKey);
	}

	/**
	 * Of these subscribers, the ids of those who still receive the list (someone who left
	 * since a send began is not mailed).
	 */
	public Set<Long> stillReceiving(String listKey, Collection<Long> subscriberIds) {
		List<Long> ids = new ArrayList<>(new HashSet<>(subscriberIds));
		Set<Long> receiving = new HashSet<>();
		long commune = this.tenancy.requireCommune();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			List<Object> arguments = new ArrayList<>(List.of(commune, listKey, listKey));
			arguments.addAll(chunk);
			String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
			receiving.addAll(this.jdbc.queryForList("SELECT s.id " + RECEIVING + " AND s.id IN (" + marks + ")",
					Long.class, arguments.toArray()));
		}
		return receiving;
	}

	/**
	 * The server refused this subscriber's address for good (at RCPT TO): counts a bounce
	 * with the server's answer; at {@code bantin.subscription.bounce-threshold} bounces
	 * the address is suppressed for every list. An unknown subscriber (deleted since) is
	 * ignored.
	 */
	@Transactional
	public void bounced(long subscriberId, String answer) {
		this.subscribers.findById(subscriberId).ifPresent((subscriber) -> {
			int bounces = subscriber.bounced(answer);
			if (bounces >= this.settings.bounceThreshold()) {
				if (!this.suppressions.existsByAddressKeyAndListKey(subscriber.addressKey(), Suppression.ALL_LISTS)) {
					this.suppressions.save(new Suppression(subscriber.addressKey(), Suppression.ALL_LISTS,
							Suppression.Reason.BOUNCED, answer, this.clock.instant()));
				}
			}
		});
	}

	/**
	 * The links a mail of this list to this subscriber carries, absolute: the signed
	 * unsubscribe link of this list, and the preference page without a token (a mail is
	 * forwarded and archived: it must not open the person's choices to its readers).
	 */
	public RecipientLinks links(long subscriberId, String listKey) {
		return new RecipientLinks(this.links.unsubscribe(subscriberId, listKey),
				this.links.unsubscribeMailto(subscriberId, listKey), this.links.preferencesRequest());
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
	 * @param preferences the preference page without a token: there the person asks for a
	 * link to their choices (lists, name, village, leave all), mailed to their address
	 */
	public record RecipientLinks(URI unsubscribe, URI unsubscribeMailto, URI preferences) {
	}

}
