package vn.bantin.agenda;

import java.time.Clock;
import java.time.Instant;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.content.Channel;
import vn.bantin.system.IssuedTokens;
import vn.bantin.system.ListedToken;
import vn.bantin.system.RuleViolation;

/**
 * The secrets of the calendar feeds: an officer creates one per channel, subscribes to
 * its URL from a phone, and revokes it when the phone is lost or the officer leaves. The
 * secret ({@code cal_} and 32 random bytes, base64url) is shown once; only its hash is
 * kept ({@link IssuedTokens}), so the database alone does not give a feed away.
 */
@Service
@Transactional
class CalendarTokens extends IssuedTokens<CalendarToken> {

	static final String SECRET_START = "cal_";

	private final CalendarTokenStore tokens;

	CalendarTokens(CalendarTokenStore tokens, Clock clock) {
		super(tokens, SECRET_START, clock);
		this.tokens = tokens;
	}

	/**
	 * Creates a feed secret for a channel.
	 * @return the token and its secret, which is never shown again
	 * @throws RuleViolation on {@code channel} or {@code label}
	 */
	NewToken<CalendarToken> create(Channel channel, String label, String createdBy) {
		if (channel == null) {
			throw new RuleViolation("channel", "agenda.calendars.error.channel");
		}
		String clean = label(label, "label", "agenda.calendars.error.label-required",
				"agenda.calendars.error.label-long");
		return issue((secret, now) -> new CalendarToken(secret, channel, clean, createdBy, now));
	}

	/** The channel a secret gives, when it is known and not revoked. */
	@Transactional(readOnly = true)
	Optional<Channel> channelOf(String secret) {
		return find(secret).map(CalendarToken::channel);
	}

	/** The tokens a user created, or every token for an administrator; newest first. */
	@Transactional(readOnly = true)
	List<Listed> visibleTo(String username, boolean admin) {
		return (admin ? newestFirst() : this.tokens.findByCreatedByOrderByCreatedAtDescIdDesc(username)).stream()
			.map((token) -> new Listed(token.id(), token.channel(), token.label(), token.createdBy(), token.createdAt(),
					token.revokedAt()))
			.toList();
	}

	/**
	 * Revokes a token its creator (or an administrator) names.
	 * @return whether there was such a token for them
	 */
	boolean revoke(long id, String username, boolean admin) {
		return revoke(id, (found) -> admin || found.createdBy().equals(username)).isPresent();
	}

	/** A token as its list shows it (never its secret). */
	record Listed(long id, Channel channel, String label, String createdBy, Instant createdAt,
			Instant revokedAt) implements ListedToken {
	}

}
