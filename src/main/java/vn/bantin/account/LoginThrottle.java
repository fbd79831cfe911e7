package vn.bantin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.system.Secrets;

/**
 * Slows down password guessing without letting a stranger lock a staff member out. Failed
 * sign-ins (wrong password or unknown name, by the login form, HTTP Basic or a wrong
 * current password on the change-password form) are counted in the database, so that
 * every node of a cluster sees the same counts and a restart forgets none. Three limits
 * ({@link AccountSettings.LoginThrottleSettings}) refuse a sign-in before its password is
 * checked:
 * <ul>
 * <li>a user name <em>from one client address</em>, after 5 failures there in 15 minutes,
 * for 15 minutes: an attacker elsewhere does not lock the owner out;</li>
 * <li>a user name <em>from every address</em>, after 50 failures in 24 hours, for an hour
 * after the last: guessing spread over many addresses still stops (and then locks the
 * owner out too, until it passes or an administrator unlocks the name);</li>
 * <li>an address, after 20 failures for any names in 15 minutes (one name sprayed with
 * many names' passwords), for 15 minutes.</li>
 * </ul>
 * A successful sign-in clears its name's failures from that address; an administrator's
 * unlock clears the name's failures from every address. Cleared failures still count for
 * their address. Every failure, lock, unlock and interactive sign-in is logged.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

	private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:%_\\[\\]-]{1,64}");

	private final SignInFailures failures;

	private final AccountSettings.LoginThrottleSettings settings;

	private final Clock clock;

	private volatile Instant lastPurge = Instant.MIN;

	LoginThrottle(SignInFailures failures, AccountSettings settings, Clock clock) {
		this.failures = failures;
		this.settings = settings.loginThrottle();
		this.clock = clock;
	}

	/**
	 * Whether a sign-in as {@code username} from {@code address} is refused right now.
	 */
	@Transactional(readOnly = true)
	boolean isLocked(String username, String address) {
		return lockedUntil(username, address).isPresent();
	}

	/**
	 * Until when a sign-in as {@code username} from {@code address} is refused, if it is
	 * now.
	 */
	@Transactional(readOnly = true)
	Optional<Instant> lockedUntil(String username, String address) {
		Instant now = this.clock.instant();
		String user = userKey(username);
		String from = addressKey(address);
		List<SignInFailures.Failure> recent = this.failures.of(user, now.minus(userHorizon()), from,
				now.minus(this.settings.address().horizon()));
		List<Instant> ofUser = recent.stream()
			.filter((f) -> f.username().equals(user) && !f.cleared())
			.map(SignInFailures.Failure::at)
			.toList();
		List<Instant> ofUserHere = recent.stream()
			.filter((f) -> f.username().equals(user) && f.address().equals(from) && !f.cleared())
			.map(SignInFailures.Failure::at)
			.toList();
		List<Instant> ofAddress = recent.stream()
			.filter((f) -> f.address().equals(from))
			.map(SignInFailures.Failure::at)
			.toList();
		return Stream.of(this.settings.perAddress().lockedUntil(ofUserHere, now),
				this.settings.perUser().lockedUntil(ofUser, now), this.settings.address().lockedUntil(ofAddress, now))
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder());
	}

	/**
	 * Counts a failure, in a transaction of its own: it counts even when the caller's
	 * work is rolled back (a refused password change).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		String user = userKey(username);
		String from = addressKey(address);
		purgeIfDue(now);
		this.failures.insert(user, from, now);
		log.info("Failed sign-in as '{}' from {}", user, from);
		lockedUntil(username, address).ifPresent((until) -> log
			.warn("Sign-in as '{}' from {} is locked until {} after repeated failures", user, from, until));
	}

	/** A successful sign-in clears the name's failures from that address. */
	@Transactional
	void recordSuccess(String username, String address) {
		this.failures.clear(userKey(username), addressKey(address), this.clock.instant());
	}

	/**
	 * The staff users locked now, from every address or from some, most recently failed
	 * first.
	 */
	@Transactional(readOnly = true)
	List<LockedAccount> lockedAccounts() {
		Instant now = this.clock.instant();
		Map<Long, List<SignInFailures.StaffFailure>> byUser = new LinkedHashMap<>();
		for (SignInFailures.StaffFailure failure : this.failures.ofStaff(now.minus(userHorizon()))) {
			byUser.computeIfAbsent(failure.userId(), (id) -> new ArrayList<>()).add(failure);
		}
		List<LockedAccount> locked = new ArrayList<>();
		byUser.forEach((id, rows) -> {
			SignInFailures.StaffFailure first = rows.get(0);
			lock(id, first.failure().username(), first.displayName(),
					rows.stream().map(SignInFailures.StaffFailure::failure).toList(), now)
				.ifPresent(locked::add);
		});
		locked.sort(Comparator.comparing(LockedAccount::lastFailure).reversed());
		return locked;
	}

	/** The lock of one staff user, if they are locked now from anywhere. */
	@Transactional(readOnly = true)
	Optional<LockedAccount> lockOf(StaffUser user) {
		Instant now = this.clock.instant();
		String name = userKey(user.getUsername());
		List<SignInFailures.Failure> rows = this.failures.of(name, now.minus(userHorizon()))
			.stream()
			.filter((f) -> !f.cleared())
			.toList();
		return lock(user.getId(), name, user.getDisplayName(), rows, now);
	}

	/**
	 * Clears a user name's failures from every address, so that it may sign in again
	 * everywhere at once.
	 * @param by who unlocks, for the log
	 */
	@Transactional
	void unlock(String username, String by) {
		int cleared = this.failures.clearAll(userKey(username), this.clock.instant());
		log.warn("Sign-in as '{}' unlocked by '{}' ({} failures cleared)", userKey(username), by, cleared);
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
		recordSuccess(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	/**
	 * Logs a sign-in through the login form (HTTP Basic calls, such as every metrics
	 * scrape, are not logged one by one).
	 */
	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		log.info("Signed in: '{}' from {}", userKey(event.getAuthentication().getName()),
				addressKey(address(event.getAuthentication())));
	}

	private Optional<LockedAccount> lock(long userId, String username, String displayName,
			List<SignInFailures.Failure> failures, Instant now) {
		if (failures.isEmpty()) {
			return Optional.empty();
		}
		Optional<Instant> everywhere = this.settings.perUser()
			.lockedUntil(failures.stream().map(SignInFailures.Failure::at).toList(), now);
		Map<String, List<Instant>> byAddress = new TreeMap<>();
		failures.forEach((f) -> byAddress.computeIfAbsent(f.address(), (a) -> new ArrayList<>()).add(f.at()));
		List<LockedAddress> addresses = new ArrayList<>();
		byAddress.forEach((address, times) -> this.settings.perAddress()
			.lockedUntil(times, now)
			.ifPresent((until) -> addresses.add(new LockedAddress(address, times.size(), until))));
		if (everywhere.isEmpty() && addresses.isEmpty()) {
			return Optional.empty();
		}
		Instant last = failures.stream().map(SignInFailures.Failure::at).max(Comparator.naturalOrder()).orElseThrow();
		return Optional.of(new LockedAccount(userId, username, displayName, everywhere.orElse(null), addresses,
				failures.size(), last));
	}

	private Duration userHorizon() {
		Duration perUser = this.settings.perUser().horizon();
		Duration perAddress = this.settings.perAddress().horizon();
		return (perUser.compareTo(perAddress) >= 0) ? perUser : perAddress;
	}

	/**
	 * Deletes failures no limit counts any more, at most every ten minutes on each node
	 * (a plain DELETE, harmless when two nodes run it together).
	 */
	private void purgeIfDue(Instant now) {
		if (now.isBefore(this.lastPurge.plus(PURGE_EVERY))) {
			return;
		}
		this.lastPurge = now;
		Duration address = this.settings.address().horizon();
		Duration oldest = (userHorizon().compareTo(address) >= 0) ? userHorizon() : address;
		this.failures.deleteBefore(now.minus(oldest));
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
	}

	/**
	 * The name a failure is kept under: the user name as sign-in normalises it, or, for a
	 * name no user can have (malformed, too long), {@code #} and a hash of it, so that
	 * neither the column nor the log takes an attacker's text.
	 */
	static String userKey(String username) {
		String name = StaffDirectory.normaliseUsername(username);
		return USER_NAME.matcher(name).matches() ? name : "#" + Secrets.sha256(name).substring(0, 32);
	}

	/**
	 * The address a failure is kept under: as the server saw it, or a hash of anything
	 * odd.
	 */
	static String addressKey(String address) {
		if (address == null) {
			return "unknown";
		}
		return ADDRESS.matcher(address).matches() ? address : "#" + Secrets.sha256(address).substring(0, 32);
	}

	/**
	 * A staff user locked now.
	 *
	 * @param lockedEverywhereUntil until when every address is refused (the limit over
	 * all addresses), or null
	 * @param addresses the addresses refused for this user, each until when
	 * @param failures failures not cleared within the longest window
	 */
	record LockedAccount(long userId, String username, String displayName, Instant lockedEverywhereUntil,
			List<LockedAddress> addresses, int failures, Instant lastFailure) {

		public boolean lockedEverywhere() {
			return this.lockedEverywhereUntil != null;
		}

	}

	/** An address a user is locked from. */
	record LockedAddress(String address, int failures, Instant until) {
	}

}
