package vn.bantin.radio;

import java.time.Clock;
import java.time.Instant;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import vn.bantin.system.RuleViolation;
import vn.bantin.system.Secrets;
import vn.bantin.text.VietnameseText;

/**
 * The secrets of the current-playlist URL: an administrator creates one per player or
 * IP-speaker system, pastes its URL into the device, and revokes it when the device is
 * replaced or the URL leaks. The secret ({@value #SECRET_START} and 32 random bytes,
 * base64url) is shown once; only its SHA-256 hash is kept, so the database alone does not
 * give a URL away.
 */
@Service
@Transactional
class RadioTokens {

	static final String SECRET_START = "radio_";

	private final RadioTokenStore tokens;

	private final Clock clock;

	RadioTokens(RadioTokenStore tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates a secret.
	 * @return the token and its secret, which is never shown again
	 * @throws RuleViolation on {@code label}
	 */
	Issued create(String label, String createdBy) {
		String clean = StringUtils.hasText(label) ? VietnameseText.nfc(label.strip()) : null;
		if (clean == null) {
			throw new RuleViolation("label", "playlist.tokens.error.label-required");
		}
		if (clean.length() > 100) {
			throw new RuleViolation("label", "playlist.tokens.error.label-long");
		}
		String secret = Secrets.newSecret(SECRET_START);
		RadioToken token = this.tokens.save(new RadioToken(hash(secret), clean, createdBy, this.clock.instant()));
		return new Issued(token.getId(), secret);
	}

	/** Whether a secret is known and not revoked. */
	@Transactional(readOnly = true)
	boolean valid(String secret) {
		if (secret == null || !secret.startsWith(SECRET_START)) {
			return false;
		}
		return this.tokens.findByTokenHash(hash(secret)).filter((token) -> !token.isRevoked()).isPresent();
	}

	/** Every token, newest first. */
	@Transactional(readOnly = true)
	List<Listed> all() {
		return this.tokens.findAllByOrderByCreatedAtDescIdDesc()
			.stream()
			.map((token) -> new Listed(token.getId(), token.getLabel(), token.getCreatedBy(), token.getCreatedAt(),
					token.getRevokedAt()))
			.toList();
	}

	/**
	 * Revokes a token.
	 * @return whether there was such a token
	 */
	boolean revoke(long id) {
		return this.tokens.findById(id).map((token) -> {
			token.revoke(this.clock.instant());
			return true;
		}).orElse(false);
	}

	/** What is stored of a secret. */
	static String hash(String secret) {
		return Secrets.sha256(secret);
	}

	/** A token as its list shows it (never its secret). */
	record Listed(long id, String label, String createdBy, Instant createdAt, Instant revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	/** A new token's id and its secret. */
	record Issued(long id, String secret) {
	}

}
