package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import vn.bantin.system.RuleViolation;
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

	private final SecureRandom random = new SecureRandom();

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
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = SECRET_START + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
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
