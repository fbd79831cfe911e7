package vn.bantin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.bantin.system.IssuedTokens;
import vn.bantin.system.ListedToken;
import vn.bantin.system.RuleViolation;

/**
 * Personal API tokens: integrators call the JSON API with {@code Authorization: Bearer}
 * and a token of their own instead of a password. A token acts with its owner's roles as
 * they are at each call, so disabling a user or taking a role away takes effect at once.
 *
 * <p>
 * The secret ({@code bt_} and 32 random bytes, base64url) is shown once, when the token
 * is issued; only its SHA-256 hash is stored ({@link IssuedTokens}). Every token expires,
 * at most {@value #MAX_DAYS} days after it was issued, and can be revoked by its owner or
 * an administrator; a change or reset of the owner's password revokes them all (unless
 * the person changing it chooses to keep them).
 */
@Service
@Transactional
class ApiTokens extends IssuedTokens<ApiToken> {

	private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

	static final int DEFAULT_DAYS = 90;

	static final int MAX_DAYS = 365;

	static final String SECRET_START = "bt_";

	static final int PREFIX_LENGTH = 8;

	private final ApiTokenStore tokens;

	private final StaffUserStore users;

	ApiTokens(ApiTokenStore tokens, StaffUserStore users, Clock clock) {
		super(tokens, SECRET_START, clock);
		this.tokens = tokens;
		this.users = users;
	}

	/**
	 * Issues a token to {@code username}.
	 * @param days days until it expires, 1 to {@value #MAX_DAYS}; null for
	 * {@value #DEFAULT_DAYS}
	 * @return the token and its secret, which is never shown again
	 * @throws RuleViolation on {@code name} or {@code expiresInDays}
	 */
	NewToken<TokenView> issue(String username, String name, Integer days) {
		String cleanName = label(name, "name", "account.error.token-name-required", "account.error.token-name-long");
		int validDays = (days != null) ? days : DEFAULT_DAYS;
		if (validDays < 1 || validDays > MAX_DAYS) {
			throw new RuleViolation("expiresInDays", "account.error.token-expiry");
		}
		StaffUser user = this.users.findByUsername(StaffDirectory.normaliseUsername(username))
			.orElseThrow(() -> new IllegalStateException("No user " + username));
		NewToken<TokenView> issued = issue(
				(secret, now) -> new ApiToken(user, cleanName, secret, now, now.plus(Duration.ofDays(validDays))))
			.map(ApiToken::view);
		log.info("API token {} issued to '{}', valid for {} days", issued.token().prefix(), user.getUsername(),
				validDays);
		return issued;
	}

	/**
	 * The user a secret belongs to, if the token is neither expired nor revoked and its
	 * owner may still sign in.
	 */
	Optional<Bearer> authenticate(String secret) {
		return find(secret).filter((token) -> token.user().isEnabled()).map((token) -> {
			token.used(now());
			return new Bearer(token.user().getUsername(), token.user().getRoles());
		});
	}

	/** The user's tokens, newest first, revoked and expired ones included. */
	@Transactional(readOnly = true)
	List<TokenView> list(String username) {
		return this.tokens.findByUserUsernameOrderByCreatedAtDescIdDesc(username).stream().map(ApiToken::view).toList();
	}

	/** How many of the user's tokens may be used now. */
	@Transactional(readOnly = true)
	long activeCount(String username) {
		return valid(username).size();
	}

	/**
	 * Revokes one of the user's tokens (their own, or a user's as an administrator sees
	 * them).
	 * @param by who revokes, for the log
	 * @throws UnknownToken when the user has no token with this id
	 */
	void revoke(String username, long id, String by) {
		ApiToken token = this.tokens.findById(id)
			.filter((found) -> found.user().getUsername().equals(username))
			.orElseThrow(() -> new UnknownToken(id));
		if (token.revoke(now())) {
			log.info("API token {} of '{}' revoked by '{}'", token.view().prefix(), username, by);
		}
	}

	/**
	 * Revokes every token of the user that may still be used (after a password change or
	 * reset, or at an administrator's request).
	 * @param by who revokes, for the log
	 * @return how many were revoked
	 */
	int revokeAll(String username, String by) {
		List<ApiToken> valid = valid(username);
		valid.forEach((token) -> token.revoke(now()));
		if (!valid.isEmpty()) {
			log.info("{} API token(s) of '{}' revoked by '{}'", valid.size(), username, by);
		}
		return valid.size();
	}

	private List<ApiToken> valid(String username) {
		Instant now = now();
		return this.tokens.findByUserUsernameOrderByCreatedAtDescIdDesc(username)
			.stream()
			.filter((token) -> token.isValidAt(now))
			.toList();
	}

	/** A token as its owner sees it in lists; never the secret. */
	record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) implements ListedToken {

		@Override
		public String label() {
			return this.name;
		}

		public boolean expiredAt(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

		@Override
		public boolean usableAt(Instant now) {
			return !revoked() && !expiredAt(now);
		}

	}

	/** Who a valid token acts for. */
	record Bearer(String username, Set<Role> roles) {
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownToken extends RuntimeException {

		UnknownToken(long id) {
			super("No token " + id);
		}

	}

}
