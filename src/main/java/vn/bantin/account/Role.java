package vn.bantin.account;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a staff member may do. A user may hold several roles; none implies another.
 */
public enum Role {

	/** Writes items and timetables (the culture officer). */
	EDITOR,

	/** Approves items before they go out (the chairman or vice-chairman). */
	APPROVER,

	/** Plays the radio programme and logs what went out. */
	OPERATOR,

	/** Manages users and the commune's settings. */
	ADMIN;

	/** The roles a signed-in user holds, read from their authorities. */
	public static Set<Role> heldBy(Authentication authentication) {
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : values()) {
			if (authorities.contains(role.authority())) {
				roles.add(role);
			}
		}
		return roles;
	}

	/** The Spring Security authority for this role, as used in {@code @Secured}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Authority names of the roles, usable as constants in annotations. */
	public static final class Authority {

		public static final String EDITOR = "ROLE_EDITOR";

		public static final String APPROVER = "ROLE_APPROVER";

		public static final String OPERATOR = "ROLE_OPERATOR";

		public static final String ADMIN = "ROLE_ADMIN";

		private Authority() {
		}

	}

}
