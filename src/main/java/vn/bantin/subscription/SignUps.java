package vn.bantin.subscription;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

import vn.bantin.mailroom.Outcome;
import vn.bantin.text.VietnameseText;

/**
 * Puts people on lists: with consent already given (staff, imports, the API with
 * {@code consent: true}: confirmed at once, the source recorded) or by double opt-in (the
 * public form: a pending subscriber and one confirmation mail).
 *
 * <p>
 * Double opt-in rules: a pending address is sent its one confirmation mail and nothing
 * else, however often it signs up again (new lists chosen meanwhile are added and
 * confirmed by the same mail); an address that already receives mail is sent a
 * confirmation for the lists it is not yet on, and nothing changes until it confirms (so
 * that nobody can put someone else on a list, or learn whether an address is known).
 * Addresses suppressed for a list (they left, bounced, or staff suppressed them) are
 * never added by staff; only the person, confirming from their own mailbox, lifts it.
 */
@Service
class SignUps {

	/** The consent source of the public form. */
	static final String SIGN_UP_FORM = "sign-up form";

	private final SubscriberStore subscribers;

	private final SubscriptionStore subscriptions;

	private final SuppressionStore suppressions;

	private final ConfirmationMail mail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignUps(SubscriberStore subscribers, SubscriptionStore subscriptions, SuppressionStore suppressions,
			ConfirmationMail mail, TransactionTemplate transactions, Clock clock) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.suppressions = suppressions;
		this.mail = mail;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Trimmed and in NFC; blank becomes null. */
	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = VietnameseText.nfc(text.strip());
		return cleaned.isEmpty() ? null : cleaned;
	}

	/**
	 * Puts this address on these lists.
	 * @param address the email address (trimmed and put in NFC here)
	 * @param name the person's name, or null
	 * @param village their village (thôn), or null
	 * @param lists the list keys
	 * @param consentSource how consent was or will be given, e.g. "sign-up form", "import
	 * danh-sach.csv line 4 by admin"
	 * @param consentGiven true: consent is already recorded elsewhere (staff), the
	 * address is confirmed at once with this source; false: double opt-in
	 * @return what happened
	 * @throws IllegalArgumentException if the address is not an email address
	 */
	SignUp signUp(String address, String name, String village, Set<String> lists, String consentSource,
			boolean consentGiven) {
		String cleanAddress = AddressCheck.valid(address);
		if (cleanAddress == null) {
			throw new IllegalArgumentException("Not an email address: " + address);
		}
		Set<String> keys = new TreeSet<>(lists);
		return consentGiven ? withConsent(cleanAddress, clean(name), clean(village), keys, consentSource)
				: doubleOptIn(cleanAddress, clean(name), clean(village), keys, consentSource);
	}

	private SignUp withConsent(String address, String name, String village, Set<String> lists, String source) {
		return this.transactions.execute((tx) -> {
			Instant now = this.clock.instant();
			String key = Subscriber.key(address);
			Set<String> suppressed = new TreeSet<>();
			Set<String> allowed = new TreeSet<>();
			Set<String> suppressedLists = suppressedLists(key);
			for (String list : lists) {
				if (suppressedLists.contains(list) || suppressedLists.contains(Suppression.ALL_LISTS)) {
					suppressed.add(list);
				}
				else {
					allowed.add(list);
				}
			}
			Optional<Subscriber> found = this.subscribers.findByAddressKey(key);
			if (allowed.isEmpty()) {
				return new SignUp(found.map(Subscriber::id).orElse(null), SignUp.Result.NOTHING_ADDED, Set.of(),
						suppressed);
			}
			Subscriber subscriber = found.orElseGet(() -> this.subscribers
				.save(new Subscriber(address, name, village, Subscriber.Status.CONFIRMED, now)));
			if (found.isPresent() && (name != null || village != null)) {
				subscriber.rename((name != null) ? name : subscriber.name(),
						(village != null) ? village : subscriber.village());
			}
			subscriber.consented(source, now);
			Set<String> added = addLists(subscriber.id(), allowed, source, now);
			return new SignUp(subscriber.id(), SignUp.Result.CONFIRMED, added, suppressed);
		});
	}

	private SignUp doubleOptIn(String address, String name, String village, Set<String> lists, String source) {
		Pending pending;
		try {
			pending = pending(address, name, village, lists, source);
		}
		catch (DataIntegrityViolationException ex) {
			// the same address signed up at the same moment (a double click, two nodes):
			// the other sign-up made the row; this one now finds it
			pending = pending(address, name, village, lists, source);
		}
		return send(pending);
	}

	private Pending pending(String address, String name, String village, Set<String> lists, String source) {
		return this.transactions.execute((tx) -> {
			Instant now = this.clock.instant();
			Optional<Subscriber> found = this.subscribers.findByAddressKey(Subscriber.key(address));
			if (found.isEmpty()) {
				Subscriber subscriber = this.subscribers
					.save(new Subscriber(address, name, village, Subscriber.Status.PENDING, now));
				addLists(subscriber.id(), lists, source, now);
				return new Pending(subscriber.id(), subscriber.address(), lists, true);
			}
			Subscriber subscriber = found.get();
			if (subscriber.status() == Subscriber.Status.PENDING) {
				Set<String> added = addLists(subscriber.id(), lists, source, now);
				// the one confirmation mail: only if it could not be sent before
				boolean send = subscriber.confirmationSentAt() == null;
				return new Pending(subscriber.id(), subscriber.address(), send ? listsOf(subscriber.id()) : added,
						send);
			}
			// already receiving (or left): only a confirmation from their mailbox changes
			// anything
			Set<String> onLists = (subscriber.status() == Subscriber.Status.CONFIRMED) ? listsOf(subscriber.id())
					: Set.of();
			Set<String> fresh = new TreeSet<>(lists);
			fresh.removeAll(onLists);
			return new Pending(subscriber.id(), subscriber.address(), fresh, !fresh.isEmpty());
		});
	}

	private SignUp send(Pending pending) {
		if (!pending.send()) {
			return new SignUp(pending.subscriberId(), SignUp.Result.NOTHING_SENT, Set.of(), Set.of());
		}
		Outcome outcome = this.mail.send(pending.subscriberId(), pending.address(), pending.lists());
		if (!outcome.accepted()) {
			return new SignUp(pending.subscriberId(), SignUp.Result.CONFIRMATION_NOT_SENT, Set.of(), Set.of());
		}
		this.transactions.executeWithoutResult((tx) -> this.subscribers.findById(pending.subscriberId())
			.filter((subscriber) -> subscriber.status() == Subscriber.Status.PENDING)
			.ifPresent((subscriber) -> subscriber.confirmationSent(this.clock.instant())));
		return new SignUp(pending.subscriberId(), SignUp.Result.CONFIRMATION_SENT, Set.of(), Set.of());
	}

	/**
	 * The person confirmed from the link in their confirmation mail: they receive these
	 * lists (and, if they were pending, every list they chose meanwhile), with the
	 * sign-up form as consent; their suppressions for those lists and for every list are
	 * lifted.
	 * @return false if the subscriber no longer exists (purged)
	 */
	boolean confirm(long subscriberId, Set<String> lists) {
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			Optional<Subscriber> found = this.subscribers.findById(subscriberId);
			if (found.isEmpty()) {
				return false;
			}
			Subscriber subscriber = found.get();
			Instant now = this.clock.instant();
			addLists(subscriberId, lists, SIGN_UP_FORM, now);
			Set<String> lifted = new LinkedHashSet<>(listsOf(subscriberId));
			lifted.add(Suppression.ALL_LISTS);
			for (String list : lifted) {
				this.suppressions.findByAddressKeyAndListKey(subscriber.addressKey(), list)
					.ifPresent(this.suppressions::delete);
			}
			subscriber.consented(SIGN_UP_FORM, now);
			return true;
		}));
	}

	private Set<String> addLists(long subscriberId, Set<String> lists, String source, Instant now) {
		Set<String> present = listsOf(subscriberId);
		Set<String> added = new TreeSet<>();
		for (String list : lists) {
			if (!present.contains(list)) {
				this.subscriptions.save(new Subscription(subscriberId, list, source, now));
				added.add(list);
			}
		}
		return added;
	}

	private Set<String> listsOf(long subscriberId) {
		Set<String> lists = new TreeSet<>();
		this.subscriptions.findBySubscriberId(subscriberId).forEach((s) -> lists.add(s.listKey()));
		return lists;
	}

	private Set<String> suppressedLists(String addressKey) {
		Set<String> lists = new TreeSet<>();
		List<Suppression> found = this.suppressions.findByAddressKey(addressKey);
		found.forEach((s) -> lists.add(s.listKey()));
		return lists;
	}

	private record Pending(long subscriberId, String address, Set<String> lists, boolean send) {
	}

	/**
	 * What a sign-up did.
	 *
	 * @param subscriberId the subscriber, or null when nothing was stored
	 * @param result what happened
	 * @param added the lists added at once (consent given)
	 * @param suppressed the lists not added because the address is suppressed for them
	 */
	record SignUp(Long subscriberId, Result result, Set<String> added, Set<String> suppressed) {

		/** What happened. */
		enum Result {

			/** Consent given: confirmed and on the lists ({@code added}). */
			CONFIRMED,

			/**
			 * Consent given but every list is suppressed for the address: nothing
			 * changed.
			 */
			NOTHING_ADDED,

			/** A confirmation mail went out. */
			CONFIRMATION_SENT,

			/** The confirmation mail could not be sent; a later sign-up tries again. */
			CONFIRMATION_NOT_SENT,

			/** Nothing was sent: pending and already mailed once, or nothing new. */
			NOTHING_SENT

		}

	}

}
