package vn.bantin.agenda;

import java.time.Clock;
import java.time.Instant;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import vn.bantin.content.Channel;
import vn.bantin.system.RuleViolation;
import vn.bantin.system.Secrets;
import vn.bantin.text.VietnameseText;

/**
 * The secrets of the calendar feeds: an officer creates one per channel, subscribes to
 * its URL from a phone, and revokes it when the phone is lost or the officer leaves. The
 * secret ({@code cal_} and 32 random bytes, base64url) is shown once; only its SHA-256
 * hash is kept, so the database alone does not give a feed away.
 */
@Service
@Transactional
class CalendarTokens {

	static final String SECRET_START = "cal_";

	private final CalendarTokenStore tokens;

	private final Clock clock;

	CalendarTokens(CalendarTokenStore tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates a feed secret for a channel.
	 * @return the token and its secret, which is never shown again
	 * @throws RuleViolation on {@code channel} or {@code label}
	 */
	Issued create(Channel channel, String label, String createdBy) {
		if (channel == null) {
			throw new RuleViolation("channel", "agenda.calendars.error.channel");
		}
		String clean = StringUtils.hasText(label) ? VietnameseText.nfc(label.strip()) : null;
		if (clean == null) {
			throw new RuleViolation("label", "agenda.calendars.error.label-required");
		}
		if (clean.length() > 100) {
			throw new RuleViolation("label", "agenda.calendars.error.label-long");
		}
		String secret = Secrets.newSecret(SECRET_START);
		CalendarToken token = this.tokens
			.save(new CalendarToken(hash(secret), channel, clean, createdBy, this.clock.instant()));
		return new Issued(token, secret);
	}

	/** The channel a secret gives, when it is known and not revoked. */
	@Transactional(readOnly = true)
	Optional<Channel> channelOf(String secret) {
		if (secret == null || !secret.startsWith(SECRET_START)) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(hash(secret))
			.filter((token) -> !token.isRevoked())
			.map(CalendarToken::getChannel);
	}

	/** The tokens a user created, or every token for an administrator; newest first. */
	@Transactional(readOnly = true)
	List<Listed> visibleTo(String username, boolean admin) {
		return (admin ? this.tokens.findAllByOrderByCreatedAtDescIdDesc()
				: this.tokens.findByCreatedByOrderByCreatedAtDescIdDesc(username))
			.stream()
			.map((token) -> new Listed(token.getId(), token.getChannel(), token.getLabel(), token.getCreatedBy(),
					token.getCreatedAt(), token.getRevokedAt()))
			.toList();
	}

	/**
	 * Revokes a token its creator (or an administrator) names.
	 * @return whether there was such a token for them
	 */
	boolean revoke(long id, String username, boolean admin) {
		Optional<CalendarToken> token = this.tokens.findById(id)
			.filter((found) -> admin || found.getCreatedBy().equals(username));
		token.ifPresent((found) -> found.revoke(this.clock.instant()));
		return token.isPresent();
	}

	/** What is stored of a secret. */
	static String hash(String secret) {
		return Secrets.sha256(secret);
	}

	/** A token as its list shows it (never its secret). */
	record Listed(long id, Channel channel, String label, String createdBy, Instant createdAt, Instant revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	/** A new token and its secret. */
	record Issued(CalendarToken token, String secret) {
	}

}
