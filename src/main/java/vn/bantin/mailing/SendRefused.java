package vn.bantin.mailing;

import java.util.Locale;

/**
 * A send a person asked for that cannot be made, and why: a machine-readable
 * {@link Reason} (the API's {@code reason}) and the arguments of its message.
 */
class SendRefused extends RuntimeException {

	private final Reason reason;

	private final transient Object[] arguments;

	SendRefused(Reason reason, String message, Object... arguments) {
		super(message);
		this.reason = reason;
		this.arguments = arguments.clone();
	}

	/** Why it was refused. */
	public Reason reason() {
		return this.reason;
	}

	/** The arguments of the reason's message. */
	public Object[] arguments() {
		return this.arguments.clone();
	}

	/** The reasons, each with the key of its message. */
	public enum Reason {

		/** No list with that key in the timetables. */
		UNKNOWN_LIST("sends.error.unknown-list"),

		/** No item with that id. */
		UNKNOWN_ITEM("sends.error.unknown-item"),

		/** The item is not approved (or published). */
		NOT_APPROVED("sends.error.not-approved"),

		/** The item may not go out yet: its release time (publish-at) is still ahead. */
		NOT_RELEASED("sends.error.not-released"),

		/** The item has expired. */
		EXPIRED("sends.error.expired"),

		/** The item's channels do not include email. */
		NOT_ON_EMAIL("sends.error.not-on-email"),

		/** The item already has a mailing to that list (ask again on purpose). */
		ALREADY_SENT("sends.error.already-sent"),

		/**
		 * A held mailing cannot be resumed: an item it carries is not approved (or not on
		 * email) now.
		 */
		ITEMS_NOT_APPROVED("sends.error.resume-not-approved"),

		/** The mailing cannot be cancelled: it is completed or cancelled already. */
		NOT_CANCELLABLE("sends.error.not-cancellable"),

		/** No mailing or delivery with that id, or not in the state the action needs. */
		UNKNOWN_SEND("sends.error.unknown-send");

		private final String messageKey;

		Reason(String messageKey) {
			this.messageKey = messageKey;
		}

		/** The message key that says it. */
		public String messageKey() {
			return this.messageKey;
		}

		/** Its machine-readable name, e.g. {@code not-released}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
