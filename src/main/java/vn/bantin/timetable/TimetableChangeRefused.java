package vn.bantin.timetable;

/**
 * A change to the timetables kept in the database that cannot be made as asked: the entry
 * is kept in a file (read-only here), someone else saved it since the user opened it, or
 * something still uses it. Carries the message key and arguments that explain why, in the
 * reader's language.
 */
class TimetableChangeRefused extends RuntimeException {

	/** Why a change is refused. */
	enum Reason {

		/** The entry is kept in a file in {@code schedules/}. */
		READ_ONLY,

		/** Another officer saved the entry after this one opened it. */
		CONFLICT,

		/** A campaign still fills the slot. */
		IN_USE,

		/** There is no such entry. */
		UNKNOWN

	}

	private final Reason reason;

	private final String messageKey;

	private final transient Object[] args;

	TimetableChangeRefused(Reason reason, String messageKey, Object... args) {
		super(messageKey);
		this.reason = reason;
		this.messageKey = messageKey;
		this.args = args;
	}

	Reason reason() {
		return this.reason;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] args() {
		return this.args;
	}

}
