package vn.bantin.radio;

import java.time.Clock;
import java.time.Instant;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.system.IssuedTokens;
import vn.bantin.system.ListedToken;
import vn.bantin.system.RuleViolation;

/**
 * The secrets of the current-playlist URL: an administrator creates one per player or
 * IP-speaker system, pastes its URL into the device, and revokes it when the device is
 * replaced or the URL leaks. The secret ({@value #SECRET_START} and 32 random bytes,
 * base64url) is shown once; only its hash is kept ({@link IssuedTokens}), so the database
 * alone does not give a URL away.
 */
@Service
@Transactional
class RadioTokens extends IssuedTokens<RadioToken> {

	static final String SECRET_START = "radio_";

	RadioTokens(RadioTokenStore tokens, Clock clock) {
		super(tokens, SECRET_START, clock);
	}

	/**
	 * Creates a secret.
	 * @return the token's id and its secret, which is never shown again
	 * @throws RuleViolation on {@code label}
	 */
	Issued create(String label, String createdBy) {
		String clean = label(label, "label", "playlist.tokens.error.label-required",
				"playlist.tokens.error.label-long");
		NewToken<RadioToken> issued = issue((secret, now) -> new RadioToken(secret, clean, createdBy, now));
		return new Issued(issued.token().id(), issued.secret());
	}

	/** Whether a secret is known and not revoked. */
	@Transactional(readOnly = true)
	boolean valid(String secret) {
		return find(secret).isPresent();
	}

	/** Every token, newest first. */
	@Transactional(readOnly = true)
	List<Listed> all() {
		return newestFirst().stream()
			.map((token) -> new Listed(token.id(), token.label(), token.createdBy(), token.createdAt(),
					token.revokedAt()))
			.toList();
	}

	/**
	 * Revokes a token.
	 * @return whether there was such a token
	 */
	boolean revoke(long id) {
		return revoke(id, (token) -> true).isPresent();
	}

	/** A token as its list shows it (never its secret). */
	record Listed(long id, String label, String createdBy, Instant createdAt,
			Instant revokedAt) implements ListedToken {
	}

	/** A new token's id and its secret. */
	record Issued(long id, String secret) {
	}

}
