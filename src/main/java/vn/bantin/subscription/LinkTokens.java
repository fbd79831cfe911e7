package vn.bantin.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and checks the signed tokens of the links in mails: confirm a sign-up, leave a
 * list, open the preference page. A token is the URL-safe Base64 of
 * {@code purpose|subscriber|lists|expiry|generation} and of its HMAC-SHA256, so it needs
 * no row of its own and cannot be forged or turned to another purpose, subscriber or
 * list. The generation lets a kind of link be revoked without a row per link: the token
 * carries the subscriber's generation when it was made, and whoever checks it compares
 * with the current one ({@link PreferenceLinks}). Tokens made before the generation
 * existed have four parts and count as generation 0.
 *
 * <p>
 * The secret is a row of {@code signing_key}, made with {@link SecureRandom} the first
 * time it is needed and shared by every node through the database; it is never in the
 * repository or the configuration. Two nodes making it at once both insert; one insert
 * wins and both then read the winner's secret.
 */
@Component
class LinkTokens {

	static final String KEY_NAME = "subscription-links";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final String ALGORITHM = "HmacSHA256";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private volatile byte[] secret;

	LinkTokens(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * A token for this purpose, subscriber and lists, of generation 0.
	 * @param lists a list key, several joined by commas, or "" for none
	 * @param expires when it stops being valid, or null for never (not for
	 * {@link Purpose#PREFERENCES}, which always expire)
	 */
	String issue(Purpose purpose, long subscriberId, String lists, Instant expires) {
		return issue(purpose, subscriberId, lists, expires, 0);
	}

	/**
	 * A token for this purpose, subscriber, lists and generation.
	 * @param lists a list key, several joined by commas, or "" for none
	 * @param expires when it stops being valid, or null for never (not for
	 * {@link Purpose#PREFERENCES}, which always expire)
	 * @param generation the subscriber's generation of links of this purpose
	 */
	String issue(Purpose purpose, long subscriberId, String lists, Instant expires, long generation) {
		if (lists.indexOf('|') >= 0) {
			throw new IllegalArgumentException("A list key cannot contain '|': " + lists);
		}
		if (purpose.expires && expires == null) {
			throw new IllegalArgumentException("A " + purpose + " link must expire");
		}
		String payload = purpose.name() + "|" + subscriberId + "|" + lists + "|"
				+ ((expires != null) ? expires.getEpochSecond() : 0) + "|" + generation;
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	/**
	 * What a token says, if it is genuine and made for this purpose.
	 * @return the token, {@link Check#FORGED} for anything not signed by us or made for
	 * another purpose, {@link Check#EXPIRED} for a genuine token past its expiry (or, for
	 * a purpose that must expire, made without an expiry by an earlier version)
	 */
	Checked check(String token, Purpose purpose) {
		if (token == null) {
			return Checked.refused(Check.FORGED);
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return Checked.refused(Check.FORGED);
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(token.substring(0, dot));
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Checked.refused(Check.FORGED);
		}
		// constant time: how much of a guess matches must not show in the answer's timing
		if (!MessageDigest.isEqual(mac(payload), signature)) {
			return Checked.refused(Check.FORGED);
		}
		String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		if ((parts.length != 4 && parts.length != 5) || !parts[0].equals(purpose.name())) {
			return Checked.refused(Check.FORGED);
		}
		long subscriberId;
		long expiry;
		long generation;
		try {
			subscriberId = Long.parseLong(parts[1]);
			expiry = Long.parseLong(parts[3]);
			generation = (parts.length == 5) ? Long.parseLong(parts[4]) : 0;
		}
		catch (NumberFormatException ex) {
			return Checked.refused(Check.FORGED);
		}
		if (purpose.expires && expiry == 0) {
			// a never-expiring preference link of an earlier version: it expires now
			return Checked.refused(Check.EXPIRED);
		}
		if (expiry != 0 && this.clock.instant().getEpochSecond() >= expiry) {
			return Checked.refused(Check.EXPIRED);
		}
		return new Checked(Check.GENUINE, Optional.of(new Token(purpose, subscriberId, parts[2], generation)));
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret(), ALGORITHM));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private byte[] secret() {
		byte[] current = this.secret;
		if (current == null) {
			current = Base64.getDecoder().decode(storedSecret());
			this.secret = current;
		}
		return current;
	}

	private String storedSecret() {
		return this.ownTransaction.execute((tx) -> read()).orElseGet(() -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			try {
				this.ownTransaction.executeWithoutResult((tx) -> this.jdbc.update(
						"INSERT INTO signing_key (name, secret, created_at) VALUES (?, ?, ?)", KEY_NAME,
						Base64.getEncoder().encodeToString(fresh), Timestamp.from(this.clock.instant())));
			}
			catch (DataIntegrityViolationException ex) {
				// another node made it first: use theirs
			}
			return this.ownTransaction.execute((tx) -> read()).orElseThrow();
		});
	}

	private Optional<String> read() {
		return this.jdbc.queryForList("SELECT secret FROM signing_key WHERE name = ?", String.class, KEY_NAME)
			.stream()
			.findFirst();
	}

	/** What a link lets its holder do. */
	enum Purpose {

		/** Confirm a sign-up (expires after the pending days). */
		CONFIRM(false),

		/**
		 * Leave one list, and nothing else (never expires: a letter read years later must
		 * still let its reader leave).
		 */
		UNSUBSCRIBE(false),

		/**
		 * Open the preference page: always expires, and is revoked by a newer link (see
		 * {@link PreferenceLinks}).
		 */
		PREFERENCES(true);

		private final boolean expires;

		Purpose(boolean expires) {
			this.expires = expires;
		}

	}

	/** The verdict on a token. */
	enum Check {

		/** Signed by us, for the purpose asked, not expired. */
		GENUINE,

		/** Not signed by us, damaged, or made for another purpose. */
		FORGED,

		/** Signed by us but past its expiry. */
		EXPIRED,

		/**
		 * Signed by us and not expired, but revoked since: a newer link of its kind was
		 * mailed, or the person left every list.
		 */
		REVOKED

	}

	/** A verdict and, when genuine, what the token says. */
	record Checked(Check check, Optional<Token> token) {

		static Checked refused(Check check) {
			return new Checked(check, Optional.empty());
		}

		boolean genuine() {
			return this.check == Check.GENUINE;
		}

	}

	/**
	 * What a genuine token says.
	 *
	 * @param lists a list key, several joined by commas, or ""
	 * @param generation the subscriber's generation of links of this purpose when it was
	 * made (0 for kinds that are not revoked this way)
	 */
	record Token(Purpose purpose, long subscriberId, String lists, long generation) {

	}

}
