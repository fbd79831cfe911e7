package vn.bantin.account;

/**
 * A role over every commune of the province, held besides (not instead of) the roles in
 * single communes.
 */
public enum ProvinceRole {

	/**
	 * Creates, edits and archives communes and their administrators, and the province's
	 * settings.
	 */
	PROVINCE_ADMIN,

	/** Reads every commune's agenda, history and reports; changes nothing. */
	PROVINCE_VIEWER;

	/** The authorities as constants, for {@code @Secured}. */
	public static final class Authority {

		/** {@link ProvinceRole#PROVINCE_ADMIN}'s authority. */
		public static final String ADMIN = "ROLE_PROVINCE_ADMIN";

		/** {@link ProvinceRole#PROVINCE_VIEWER}'s authority: reading pages only. */
		public static final String VIEWER = "ROLE_PROVINCE_VIEWER";

		private Authority() {
		}

	}

	/** The Spring Security authority. */
	public String authority() {
		return "ROLE_" + name();
	}

}
