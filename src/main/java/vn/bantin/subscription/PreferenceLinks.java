package vn.bantin.subscription;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.mailroom.Outcome;
import vn.bantin.subscription.LinkTokens.Check;
import vn.bantin.subscription.LinkTokens.Checked;
import vn.bantin.subscription.LinkTokens.Purpose;

/**
 * Links to the preference page: the only key to a person's choices, so they reach the
 * person's mailbox alone and do not last.
 *
 * <ul>
 * <li>A link is only ever mailed, in a mail of its own, to a confirmed subscriber: when
 * they ask for it on the page without a token, or when staff press "send a link" for
 * them. List mails carry none (they are forwarded and archived), nor does any page
 * answered to an unsubscribe link.</li>
 * <li>It expires after {@code bantin.subscription.preferences-days} (30).</li>
 * <li>It is revoked by the subscriber's generation
 * ({@code subscriber.preferences_generation}): mailing a new link and leaving every list
 * add one to it, and a link opens the page only while it carries the current number. So
 * each new link revokes every older one, and a link found later in a mailbox or a
 * forwarded mail is useless after the person left.</li>
 * </ul>
 * The generations are kept by {@link PreferenceGenerations}.
 */
@Service
class PreferenceLinks {

	private static final Logger logger = LoggerFactory.getLogger(PreferenceLinks.class);

	private final LinkTokens tokens;

	private final MailLinks links;

	private final PreferenceLinkMail mail;

	private final PreferenceGenerations generations;

	private final TransactionTemplate transactions;

	PreferenceLinks(LinkTokens tokens, MailLinks links, PreferenceLinkMail mail, PreferenceGenerations generations,
			TransactionTemplate transactions) {
		this.tokens = tokens;
		this.links = links;
		this.mail = mail;
		this.generations = generations;
		this.transactions = transactions;
	}

	/**
	 * Someone asked on the page without a token for a link for this address: mails one if
	 * the address is a confirmed subscriber's, else does nothing. The caller answers the
	 * same either way, so that the page tells nobody whether an address is known.
	 */
	void requested(String address) {
		String valid = AddressCheck.valid(address);
		if (valid == null) {
			return;
		}
		this.generations.confirmedWithAddress(valid).ifPresent((id) -> send(id, "the form on /preferences"));
	}

	/**
	 * Revokes every preference link of this subscriber and mails them a new one. Only a
	 * confirmed subscriber gets one. Whoever asks never sees the link; the log says who
	 * asked (never the link).
	 * @param askedBy who asked, for the log: "the form on /preferences", "staff user lan"
	 */
	Sent send(long subscriberId, String askedBy) {
		Fresh fresh = this.transactions.execute((tx) -> this.generations.addressOfConfirmed(subscriberId)
			.flatMap((address) -> this.generations.revoke(subscriberId)
				.map((generation) -> new Fresh(address, this.links.preferences(subscriberId, generation))))
			.orElse(null));
		if (fresh == null) {
			return Sent.NOT_RECEIVING;
		}
		Outcome outcome = this.mail.send(fresh.address(), fresh.link());
		if (outcome.accepted()) {
			logger.info("Mailed subscriber {} a new preference link, asked by {}; older links are revoked",
					subscriberId, askedBy);
			return Sent.SENT;
		}
		logger.warn("A new preference link for subscriber {}, asked by {}, could not be mailed ({}); older links are"
				+ " revoked", subscriberId, askedBy, outcome.answer());
		return Sent.NOT_SENT;
	}

	/**
	 * Revokes every preference link mailed to this subscriber so far (joins the caller's
	 * transaction).
	 */
	void revoke(long subscriberId) {
		this.generations.revoke(subscriberId);
	}

	/**
	 * What a preference token is worth now: {@link Check#GENUINE} with its subscriber
	 * only if it is signed, unexpired, of the subscriber's current generation and the
	 * subscriber still receives mail; {@link Check#REVOKED} for a newer link mailed
	 * since, the person having left, or a subscriber deleted since.
	 */
	Checked check(String token) {
		Checked checked = this.tokens.check(token, Purpose.PREFERENCES);
		if (!checked.genuine()) {
			return checked;
		}
		LinkTokens.Token genuine = checked.token().orElseThrow();
		boolean current = this.generations.ofConfirmed(genuine.subscriberId())
			.filter((generation) -> generation == genuine.generation())
			.isPresent();
		return current ? checked : Checked.refused(Check.REVOKED);
	}

	private record Fresh(String address, URI link) {
	}

	/** What became of a request for a link. */
	enum Sent {

		/** The mail went out (to the server or the outbox). */
		SENT,

		/**
		 * The subscriber does not receive mail (pending, left, unknown): nothing sent.
		 */
		NOT_RECEIVING,

		/**
		 * The mail could not be handed over; older links are revoked all the same: ask
		 * again.
		 */
		NOT_SENT

	}

}
