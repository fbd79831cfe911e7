package vn.bantin.mailing;

/** A send a person asked for that cannot be made, and why. */
public class SendRefused extends RuntimeException {

	private final Reason reason;

	SendRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** Why it was refused. */
	public Reason reason() {
		return this.reason;
	}

	/** The reasons, each with the key of its message. */
	public enum Reason {

		/** No list with that key in the timetables. */
		UNKNOWN_LIST("sends.error.unknown-list"),

		/** No item with that id. */
		UNKNOWN_ITEM("sends.error.unknown-item"),

		/** The item is not approved (or published). */
		NOT_APPROVED("sends.error.not-approved"),

		/** The item already has a mailing to that list (ask again on purpose). */
		ALREADY_SENT("sends.error.already-sent"),

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

	}

}
