package vn.bantin.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.bantin.text.VietnameseText;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff's work on the subscribers of one list (the lists' admin pages, the API, CSV
 * imports): who is on it, adding someone with or without their consent, taking someone
 * off.
 *
 * <p>
 * Adding with consent (staff have it in writing, or the import's consent column says so)
 * confirms the subscriber at once and records where the consent came from; no mail is
 * sent. Adding without asks the person by the one confirmation mail of the sign-up
 * ({@link ListConfirmations}). A suppressed address (left, bounced, suppressed by staff;
 * for this list or every list) is never added by staff: only the person signing up again
 * lifts it. Adding is idempotent by address: someone already on the list stays as they
 * are.
 */
@Service
class ListMembers {

	private final SubscriberStore subscribers;

	private final SubscriptionStore subscriptions;

	private final SuppressionStore suppressions;

	private final ListMemberStore queries;

	private final ListConfirmations confirmations;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ListMembers(SubscriberStore subscribers, SubscriptionStore subscriptions, SuppressionStore suppressions,
			ListMemberStore queries, ListConfirmations confirmations, Clock clock,
			PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.suppressions = suppressions;
		this.queries = queries;
		this.confirmations = confirmations;
		this.clock = clock;
	}

	/** How many subscribers of the list are in each status (every status present). */
	@Transactional(readOnly = true)
	Map<Subscriber.Status, Long> counts(String list) {
		Map<Subscriber.Status, Long> counts = new EnumMap<>(Subscriber.Status.class);
		for (Subscriber.Status status : Subscriber.Status.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : this.queries.countByStatus(list)) {
			counts.put((Subscriber.Status) row[0], ((Number) row[1]).longValue());
		}
		return counts;
	}

	/**
	 * One page of the list's subscribers, by address; with a search, those whose address,
	 * name or village contains it, ignoring case and diacritics ("hoa" finds "Hòa").
	 */
	@Transactional(readOnly = true)
	Page<Subscriber> page(String list, String search, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		String wanted = VietnameseText.fold((search != null) ? search.strip() : "");
		if (wanted.isEmpty()) {
			return this.queries.members(list, request);
		}
		// Lists are a commune's (thousands at most): folding in memory is simpler than a
		// folded copy of every column, and the same on H2 and PostgreSQL.
		List<Subscriber> found = new ArrayList<>();
		for (Subscriber subscriber : this.queries.allMembers(list)) {
			if (matches(subscriber.address(), wanted) || matches(subscriber.name(), wanted)
					|| matches(subscriber.village(), wanted)) {
				found.add(subscriber);
			}
		}
		int from = (int) Math.min(request.getOffset(), found.size());
		int to = Math.min(from + size, found.size());
		return new PageImpl<>(found.subList(from, to), request, found.size());
	}

	private static boolean matches(String text, String wanted) {
		return text != null && VietnameseText.fold(text).contains(wanted);
	}

	/** Every subscriber of the list, by address. */
	@Transactional(readOnly = true)
	List<Subscriber> all(String list) {
		return this.queries.allMembers(list);
	}

	/**
	 * Adds someone to a list.
	 * @param list the list's key (the caller checked it exists)
	 * @param person the address, name and village as typed
	 * @param consent whether the person's consent is recorded by staff
	 * @param source where the consent came from, e.g. {@code admin by lan}
	 * @return what was done
	 */
	Added add(String list, Person person, boolean consent, String source) {
		String address = AddressCheck.valid(person.address());
		if (address == null) {
			return new Added(Added.Outcome.INVALID, null, null);
		}
		String key = Subscriber.key(address);
		Optional<Suppression> suppressed = suppression(key, list);
		if (suppressed.isPresent()) {
			return new Added(Added.Outcome.SUPPRESSED, null, suppressed.get().reason());
		}
		String name = clean(person.name());
		String village = clean(person.village());
		if (!consent) {
			Optional<Subscriber> existing = this.subscribers.findByAddressKey(key);
			if (existing.isPresent() && onList(existing.get(), list)) {
				return new Added(Added.Outcome.ALREADY, existing.get().id(), null);
			}
			// no transaction of ours here: the confirmation mail goes out after the
			// pending sign-up has committed
			Long id;
			try {
				id = this.confirmations.ask(address, name, village, list, source);
			}
			catch (IllegalArgumentException ex) {
				return new Added(Added.Outcome.INVALID, null, null);
			}
			return new Added(Added.Outcome.PENDING, id, null);
		}
		return this.transactions.execute((status) -> addConfirmed(list, address, name, village, source));
	}

	private Added addConfirmed(String list, String address, String name, String village, String source) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String key = Subscriber.key(address);
		Optional<Subscriber> existing = this.subscribers.findByAddressKey(key);
		Subscriber subscriber = existing.orElseGet(
				() -> this.subscribers.save(new Subscriber(address, name, village, Subscriber.Status.PENDING, now)));
		boolean already = onList(subscriber, list);
		if (already && subscriber.status() == Subscriber.Status.CONFIRMED) {
			return new Added(Added.Outcome.ALREADY, subscriber.id(), null);
		}
		if (subscriber.status() != Subscriber.Status.CONFIRMED) {
			subscriber.consented(source, now);
		}
		if (subscriber.name() == null && subscriber.village() == null) {
			subscriber.rename(name, village);
		}
		this.subscribers.saveAndFlush(subscriber);
		if (!already) {
			this.subscriptions.saveAndFlush(new Subscription(subscriber.id(), list, source, now));
		}
		return new Added(Added.Outcome.ADDED, subscriber.id(), null);
	}

	/**
	 * Takes a subscriber off a list (by id, or by address when {@code who} has an
	 * {@code @}); the subscriber stays on their other lists.
	 * @return whether they were on it
	 */
	@Transactional
	boolean remove(String list, String who) {
		Optional<Subscriber> subscriber = find(list, who);
		if (subscriber.isEmpty()) {
			return false;
		}
		Optional<Subscription> subscription = this.subscriptions.findBySubscriberIdAndListKey(subscriber.get().id(),
				list);
		subscription.ifPresent(this.subscriptions::delete);
		this.subscriptions.flush();
		return subscription.isPresent();
	}

	/** A subscriber on the list, by id or address. */
	@Transactional(readOnly = true)
	Optional<Subscriber> find(String list, String who) {
		if (who == null || who.isBlank()) {
			return Optional.empty();
		}
		if (who.contains("@")) {
			return this.subscribers.findByAddressKey(Subscriber.key(VietnameseText.nfc(who)))
				.filter((subscriber) -> onList(subscriber, list));
		}
		try {
			return this.queries.member(list, Long.parseLong(who.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The suppression that keeps an address off a list (or every list), if any. */
	Optional<Suppression> suppression(String addressKey, String list) {
		return this.suppressions.findByAddressKey(addressKey)
			.stream()
			.filter((suppression) -> suppression.listKey().equals(list)
					|| suppression.listKey().equals(Suppression.ALL_LISTS))
			.findFirst();
	}

	private boolean onList(Subscriber subscriber, String list) {
		return this.subscriptions.findBySubscriberIdAndListKey(subscriber.id(), list).isPresent();
	}

	private static String clean(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String clean = VietnameseText.nfc(text.strip());
		return (clean.length() > 200) ? clean.substring(0, 200) : clean;
	}

	/**
	 * Someone to add, as typed.
	 *
	 * @param address the email address
	 * @param name the name, may be blank
	 * @param village the village (thôn), may be blank
	 */
	record Person(String address, String name, String village) {
	}

	/**
	 * What adding someone did.
	 *
	 * @param outcome what happened
	 * @param subscriberId the subscriber, when there is one
	 * @param suppressed why the address is suppressed, for {@link Outcome#SUPPRESSED}
	 */
	record Added(Outcome outcome, Long subscriberId, Suppression.Reason suppressed) {

		/** What happened. */
		enum Outcome {

			/** Put on the list, confirmed. */
			ADDED,

			/** Already on the list: nothing changed. */
			ALREADY,

			/** Asked to confirm by mail: on the list once they do. */
			PENDING,

			/** Not an email address. */
			INVALID,

			/** The address is suppressed for this list or every list. */
			SUPPRESSED

		}

	}

}
