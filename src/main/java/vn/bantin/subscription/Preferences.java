package vn.bantin.subscription;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.timetable.Timetable;
import vn.bantin.timetable.Timetables;

/**
 * What a person does from the signed links in their mails: leave one list, choose their
 * lists, change their name and village, leave everything. Leaving puts the address on the
 * suppression list, so that no import or staff member adds it back.
 *
 * <p>
 * Nothing here puts anyone on a list: a list chosen on the preference page (a list never
 * joined, one left before) is confirmed like a sign-up, by a confirmation mail to the
 * address ({@link SignUps}, double opt-in). A link, whoever holds it, can only take the
 * person off lists and change their name and village; joining again always goes through
 * their mailbox.
 */
@Service
class Preferences {

	/** The consent source of lists chosen on the preference page. */
	static final String PREFERENCE_PAGE = "preference page";

	private final SubscriberStore subscribers;

	private final SubscriptionStore subscriptions;

	private final SuppressionStore suppressions;

	private final Timetables timetables;

	private final SignUps signUps;

	private final SignUpThrottle throttle;

	private final PreferenceLinks links;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Preferences(SubscriberStore subscribers, SubscriptionStore subscriptions, SuppressionStore suppressions,
			Timetables timetables, SignUps signUps, SignUpThrottle throttle, PreferenceLinks links,
			TransactionTemplate transactions, Clock clock) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.suppressions = suppressions;
		this.timetables = timetables;
		this.signUps = signUps;
		this.throttle = throttle;
		this.links = links;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Takes the subscriber off the list at once and suppresses the address for it.
	 * Idempotent; a subscriber deleted since is fine (nothing to do).
	 */
	@Transactional
	void unsubscribe(long subscriberId, String listKey) {
		this.subscribers.findById(subscriberId).ifPresent((subscriber) -> {
			this.subscriptions.findBySubscriberIdAndListKey(subscriberId, listKey)
				.ifPresent(this.subscriptions::delete);
			suppress(subscriber.addressKey(), listKey, Suppression.Reason.LEFT, "unsubscribe link");
		});
	}

	/**
	 * The person's page: their details, the lists they are on and the public lists they
	 * may ask to join, or empty if unknown.
	 */
	@Transactional(readOnly = true)
	Optional<Choices> choices(long subscriberId) {
		return this.subscribers.findById(subscriberId).map((subscriber) -> {
			Set<String> on = listsOf(subscriberId);
			List<Timetable.MailingList> offered = this.timetables.current()
				.lists()
				.stream()
				.filter((list) -> list.open() || on.contains(list.key()))
				.toList();
			return new Choices(subscriber.address(), subscriber.name(), subscriber.village(),
					subscriber.status() == Subscriber.Status.LEFT, offered, on);
		});
	}

	/**
	 * Saves the person's choice: lists left are suppressed for them; their name and
	 * village are changed; public lists chosen that they are not on are not joined but
	 * sent a confirmation mail (double opt-in, throttled like the sign-up form).
	 * @param client the client's address, for the throttle
	 * @return what was done; {@link Saved#known()} false if the subscriber is unknown
	 */
	Saved save(long subscriberId, Set<String> chosen, String name, String village, String client) {
		Change change = this.transactions.execute((tx) -> {
			Optional<Subscriber> found = this.subscribers.findById(subscriberId);
			if (found.isEmpty()) {
				return null;
			}
			Subscriber subscriber = found.get();
			Set<String> on = listsOf(subscriberId);
			Set<String> open = new TreeSet<>();
			this.timetables.current()
				.lists()
				.stream()
				.filter(Timetable.MailingList::open)
				.forEach((l) -> open.add(l.key()));
			Set<String> left = new TreeSet<>();
			for (Subscription subscription : this.subscriptions.findBySubscriberId(subscriberId)) {
				if (!chosen.contains(subscription.listKey())) {
					this.subscriptions.delete(subscription);
					suppress(subscriber.addressKey(), subscription.listKey(), Suppression.Reason.LEFT,
							"preference page");
					left.add(subscription.listKey());
				}
			}
			Set<String> joining = new TreeSet<>(chosen);
			joining.retainAll(open);
			joining.removeAll(on);
			subscriber.rename(SignUps.clean(name), SignUps.clean(village));
			return new Change(subscriber.address(), left, joining);
		});
		if (change == null) {
			return new Saved(false, Set.of(), Set.of(), Confirmation.NONE);
		}
		Confirmation confirmation = Confirmation.NONE;
		if (!change.joining().isEmpty()) {
			if (!this.throttle.allow(client, change.address())) {
				confirmation = Confirmation.THROTTLED;
			}
			else {
				SignUps.SignUp result = this.signUps.signUp(change.address(), null, null, change.joining(),
						PREFERENCE_PAGE, false);
				confirmation = (result.result() == SignUps.SignUp.Result.CONFIRMATION_NOT_SENT) ? Confirmation.NOT_SENT
						: Confirmation.SENT;
			}
		}
		return new Saved(true, change.left(), change.joining(), confirmation);
	}

	/**
	 * The person leaves every list: their subscriptions are deleted, they are marked left
	 * and suppressed for every list, and every preference link they hold is revoked.
	 * @return false if the subscriber is unknown
	 */
	@Transactional
	boolean leaveAll(long subscriberId) {
		Optional<Subscriber> found = this.subscribers.findById(subscriberId);
		if (found.isEmpty()) {
			return false;
		}
		Subscriber subscriber = found.get();
		this.subscriptions.deleteAll(this.subscriptions.findBySubscriberId(subscriberId));
		subscriber.left(this.clock.instant());
		suppress(subscriber.addressKey(), Suppression.ALL_LISTS, Suppression.Reason.LEFT, "left every list");
		this.links.revoke(subscriberId);
		return true;
	}

	private void suppress(String addressKey, String listKey, Suppression.Reason reason, String detail) {
		if (!this.suppressions.existsByAddressKeyAndListKey(addressKey, listKey)) {
			this.suppressions.save(new Suppression(addressKey, listKey, reason, detail, this.clock.instant()));
		}
	}

	private Set<String> listsOf(long subscriberId) {
		Set<String> lists = new TreeSet<>();
		this.subscriptions.findBySubscriberId(subscriberId).forEach((s) -> lists.add(s.listKey()));
		return lists;
	}

	/**
	 * What the preference page shows.
	 *
	 * @param address the address
	 * @param name the name, or null
	 * @param village the village, or null
	 * @param left whether the person left every list
	 * @param offered the lists they may choose (public ones and the internal ones they
	 * are on), in the timetables' order
	 * @param on the keys of the lists they are on
	 */
	record Choices(String address, String name, String village, boolean left, List<Timetable.MailingList> offered,
			Set<String> on) {

	}

	private record Change(String address, Set<String> left, Set<String> joining) {
	}

	/**
	 * What saving the preference page did.
	 *
	 * @param known false if the subscriber no longer exists (nothing done)
	 * @param left the lists the person left
	 * @param joining the lists they asked to join: not joined, a confirmation mail asked
	 * @param confirmation whether that mail went out
	 */
	record Saved(boolean known, Set<String> left, Set<String> joining, Confirmation confirmation) {

	}

	/** The confirmation mail for the lists asked for on the preference page. */
	enum Confirmation {

		/** No list asked for: no mail. */
		NONE,

		/** Sent: the lists are joined when the person confirms from their mailbox. */
		SENT,

		/** The mail server did not take it: ask again later. */
		NOT_SENT,

		/**
		 * Too many mails for this address or from this client lately: ask again later.
		 */
		THROTTLED

	}

}
