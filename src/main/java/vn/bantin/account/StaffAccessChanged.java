package vn.bantin.account;

/**
 * What {@code username} may do changed (an administrator disabled them, changed their
 * roles or reset their password, or they changed their own password): their open sessions
 * must end, except {@code keepSessionId} (the session that made the change, when it is
 * theirs), or all of them when it is null.
 */
record StaffAccessChanged(String username, String keepSessionId) {

	/** Every session of the user ends. */
	StaffAccessChanged(String username) {
		this(username, null);
	}

}
