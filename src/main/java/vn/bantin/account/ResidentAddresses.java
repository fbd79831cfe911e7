package vn.bantin.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Who among staff sees residents' email addresses and names: the roles that manage email
 * lists ({@link Role#EDITOR}, who adds, imports and exports subscribers) and
 * {@link Role#ADMIN}. The same roles are admitted by {@code /admin/lists} and
 * {@code /api/lists/{id}/subscribers}; pages and API answers that other roles may open (a
 * send's deliveries, the outbox) show them masked addresses ({@link #masked}) and no
 * names, so that an approver follows a send by its counts and statuses without a copy of
 * the subscriber list.
 */
public final class ResidentAddresses {

	/** The roles that see addresses and names. */
	public static final Set<Role> SEEN_BY = Set.copyOf(EnumSet.of(Role.EDITOR, Role.ADMIN));

	private static final String HIDDEN = "•••";

	private ResidentAddresses() {
	}

	/** Whether this signed-in user sees residents' addresses and names. */
	public static boolean visibleTo(Authentication authentication) {
		return authentication != null && Role.heldBy(authentication).stream().anyMatch(SEEN_BY::contains);
	}

	/**
	 * The address as others see it: its first character and its domain, e.g.
	 * {@code h•••@example.vn}, enough to tell deliveries apart and spot a mistyped
	 * domain; anything not an address becomes {@code •••}.
	 */
	public static String masked(String address) {
		if (address == null) {
			return null;
		}
		String plain = address.strip();
		int at = plain.lastIndexOf('@');
		if (at <= 0 || at == plain.length() - 1) {
			return HIDDEN;
		}
		return plain.codePoints()
			.limit(1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.append(HIDDEN)
			.append(plain.substring(at))
			.toString();
	}

}
