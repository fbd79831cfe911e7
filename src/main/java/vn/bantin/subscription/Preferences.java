package vn.bantin.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.schedule.Timetable;
import vn.bantin.schedule.Timetables;

/**
 * What a person does from the signed links in their mails: leave one list, choose their
 * lists, change their name and village, leave everything. Leaving puts the address on the
 * suppression list, so that no import or staff member adds it back.
 */
@Service
class Preferences {

	/** The consent source of lists chosen on the preference page. */
	static final String PREFERENCE_PAGE = "preference page";

	private final Subscribers subscribers;

	private final Subscriptions subscriptions;

	private final Suppressions suppressions;

	private final Timetables timetables;

	private final Clock clock;

	Preferences(Subscribers subscribers, Subscriptions subscriptions, Suppressions suppressions, Timetables timetables,
			Clock clock) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.suppressions = suppressions;
		this.timetables = timetables;
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
	 * The person's page: their details and the lists they may choose, or empty if
	 * unknown.
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
	 * Saves the person's choice: lists left are suppressed for them, lists chosen are
	 * joined (their suppression lifted: the person asked, from their own mailbox). Only
	 * public lists and the internal lists they are already on can be chosen.
	 * @return false if the subscriber is unknown
	 */
	@Transactional
	boolean save(long subscriberId, Set<String> chosen, String name, String village) {
		Optional<Subscriber> found = this.subscribers.findById(subscriberId);
		if (found.isEmpty()) {
			return false;
		}
		Subscriber subscriber = found.get();
		Instant now = this.clock.instant();
		Set<String> on = listsOf(subscriberId);
		Set<String> allowed = new TreeSet<>(on);
		this.timetables.current()
			.lists()
			.stream()
			.filter(Timetable.MailingList::open)
			.forEach((l) -> allowed.add(l.key()));
		Set<String> wanted = new TreeSet<>(chosen);
		wanted.retainAll(allowed);
		for (Subscription subscription : this.subscriptions.findBySubscriberId(subscriberId)) {
			if (!wanted.contains(subscription.listKey())) {
				this.subscriptions.delete(subscription);
				suppress(subscriber.addressKey(), subscription.listKey(), Suppression.Reason.LEFT, "preference page");
			}
		}
		Set<String> joined = new LinkedHashSet<>();
		for (String list : wanted) {
			if (!on.contains(list)) {
				this.subscriptions.save(new Subscription(subscriberId, list, PREFERENCE_PAGE, now));
				joined.add(list);
			}
			this.suppressions.deleteById(new Suppression.Key(subscriber.addressKey(), list));
		}
		if (!joined.isEmpty() && subscriber.status() != Subscriber.Status.CONFIRMED) {
			// someone who had left everything comes back: their own choice, from their
			// mailbox
			this.suppressions.findById(new Suppression.Key(subscriber.addressKey(), Suppression.ALL_LISTS))
				.filter((s) -> s.reason() == Suppression.Reason.LEFT)
				.ifPresent(this.suppressions::delete);
			subscriber.consented(PREFERENCE_PAGE, now);
		}
		subscriber.rename(SignUps.clean(name), SignUps.clean(village));
		return true;
	}

	/**
	 * The person leaves every list: their subscriptions are deleted, they are marked left
	 * and suppressed for every list.
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
		return true;
	}

	private void suppress(String addressKey, String listKey, Suppression.Reason reason, String detail) {
		if (!this.suppressions.existsById(new Suppression.Key(addressKey, listKey))) {
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

}
