package vn.bantin.subscription;

import java.time.Clock;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Limits how often the public sign-up form may be used: per client address (a bot filling
 * the form) and per email address (someone flooding another person's mailbox with
 * confirmation mails). Kept in memory: each node of a cluster counts its own, which
 * multiplies the limit by the nodes at worst and costs no table.
 */
@Component
class SignUpThrottle {

	private final SubscriptionSettings settings;

	private final Clock clock;

	private final Map<String, Deque<Instant>> byClient = new HashMap<>();

	private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

	SignUpThrottle(SubscriptionSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts a sign-up from this client for this address, if both are within their
	 * limits.
	 * @param address the email address, or null if the form had none (counts the client
	 * only)
	 * @return whether the sign-up may go ahead
	 */
	synchronized boolean allow(String client, String address) {
		Instant now = this.clock.instant();
		forgetOld(now);
		Deque<Instant> fromClient = this.byClient.computeIfAbsent(client, (key) -> new ArrayDeque<>());
		Deque<Instant> forAddress = (address != null)
				? this.byAddress.computeIfAbsent(Subscriber.key(address), (key) -> new ArrayDeque<>()) : null;
		if (fromClient.size() >= this.settings.signUpsPerIp()
				|| (forAddress != null && forAddress.size() >= this.settings.signUpsPerAddress())) {
			return false;
		}
		fromClient.addLast(now);
		if (forAddress != null) {
			forAddress.addLast(now);
		}
		return true;
	}

	private void forgetOld(Instant now) {
		forgetOld(this.byClient, now.minus(this.settings.signUpIpWindow()));
		forgetOld(this.byAddress, now.minus(this.settings.signUpAddressWindow()));
	}

	private static void forgetOld(Map<String, Deque<Instant>> counts, Instant before) {
		for (Iterator<Deque<Instant>> it = counts.values().iterator(); it.hasNext();) {
			Deque<Instant> times = it.next();
			while (!times.isEmpty() && !times.peekFirst().isAfter(before)) {
				times.removeFirst();
			}
			if (times.isEmpty()) {
				it.remove();
			}
		}
	}

	/** Forgets every count (tests, and the settings changing). */
	synchronized void clear() {
		this.byClient.clear();
		this.byAddress.clear();
	}

}
