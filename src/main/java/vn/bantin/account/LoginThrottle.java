package vn.bantin.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failed sign-ins are counted per user name and per client
 * address; once a name reaches {@code maxFailures} within {@code window} (an address:
 * four times as many), sign-in with that name or from that address is refused, without
 * checking the password, until {@code lock} has passed since the last failure. A
 * successful sign-in clears the user name's count.
 *
 * <p>
 * Kept in memory: a restart forgets the counts, which is acceptable for a throttle (it is
 * not an audit log), and keeps the login path free of database writes an attacker could
 * multiply.
 */
@Component
class LoginThrottle {

	private static final int MAX_TRACKED_KEYS = 100_000;

	private static final int ADDRESS_FACTOR = 4;

	private final AccountSettings.LoginThrottleSettings settings;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(AccountSettings settings, Clock clock) {
		this.settings = settings.loginThrottle();
		this.clock = clock;
	}

	/**
	 * Whether a sign-in as {@code username} from {@code address} is refused right now.
	 */
	boolean isLocked(String username, String address) {
		Instant now = this.clock.instant();
		return locked(userKey(username), now, this.settings.maxFailures())
				|| locked(addressKey(address), now, addressLimit());
	}

	void recordFailure(String username, String address) {
		if (this.failures.size() > MAX_TRACKED_KEYS) {
			forgetExpired();
		}
		Instant now = this.clock.instant();
		record(userKey(username), now, this.settings.maxFailures());
		record(addressKey(address), now, addressLimit());
	}

	void recordSuccess(String username) {
		this.failures.remove(userKey(username));
	}

	/**
	 * Counts a wrong password (or unknown user name) from any way of signing in: the form
	 * and HTTP Basic both publish this event.
	 */
	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		recordFailure(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		recordSuccess(event.getAuthentication().getName());
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
	}

	/**
	 * An office shares one public address among all its staff, so an address may fail
	 * more often than one user name before it is locked.
	 */
	private int addressLimit() {
		return this.settings.maxFailures() * ADDRESS_FACTOR;
	}

	private boolean locked(String key, Instant now, int limit) {
		Deque<Instant> times = this.failures.get(key);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			if (times.isEmpty()) {
				return false;
			}
			Instant last = times.peekLast();
			if (!now.isBefore(last.plus(this.settings.lock()))) {
				return false;
			}
			Instant windowStart = last.minus(this.settings.window());
			long recent = times.stream().filter((t) -> !t.isBefore(windowStart)).count();
			return recent >= limit;
		}
	}

	private void record(String key, Instant now, int limit) {
		Deque<Instant> times = this.failures.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(now);
			while (times.size() > limit) {
				times.removeFirst();
			}
		}
	}

	private void forgetExpired() {
		Instant horizon = this.clock.instant().minus(this.settings.window().plus(this.settings.lock()));
		this.failures.values().removeIf((times) -> {
			synchronized (times) {
				return times.isEmpty() || times.peekLast().isBefore(horizon);
			}
		});
	}

	private static String userKey(String username) {
		return "user:" + StaffDirectory.normaliseUsername(username);
	}

	private static String addressKey(String address) {
		return "addr:" + address;
	}

}
