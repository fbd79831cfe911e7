package vn.bantin.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks someone staff added without their consent to confirm: the same pending sign-up and
 * one confirmation mail as the public form, so nothing but that mail reaches them until
 * they confirm.
 */
@Component
class ListConfirmations {

	private final Subscribers subscribers;

	private final Subscriptions subscriptions;

	private final Clock clock;

	ListConfirmations(Subscribers subscribers, Subscriptions subscriptions, Clock clock) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	/**
	 * Records a pending sign-up to the list and sends the confirmation mail.
	 * @return the subscriber's id
	 */
	@Transactional
	long ask(String address, String name, String village, String list, String source) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Subscriber subscriber = this.subscribers.findByAddressKey(Subscriber.key(address))
			.orElseGet(() -> this.subscribers
				.saveAndFlush(new Subscriber(address, name, village, Subscriber.Status.PENDING, now)));
		if (this.subscriptions.findBySubscriberIdAndListKey(subscriber.id(), list).isEmpty()) {
			this.subscriptions.saveAndFlush(new Subscription(subscriber.id(), list, source, now));
		}
		return subscriber.id();
	}

}
