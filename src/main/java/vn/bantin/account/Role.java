package vn.bantin.account;

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
