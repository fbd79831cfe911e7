package vn.bantin.mailroom;

/**
 * What became of one message handed to the {@link Mailroom}.
 *
 * @param kind what the server (or the outbox) did with it
 * @param answer the server's last answer (e.g. "550 5.1.1 User unknown"), or what went
 * wrong on the way; "250 ..." or the outbox file's name when accepted
 */
public record Outcome(Kind kind, String answer) {

	/** Whether the message was accepted. */
	public boolean accepted() {
		return this.kind == Kind.ACCEPTED;
	}

	/** The kinds of outcome, each with what the sender may safely do next. */
	public enum Kind {

		/** The server accepted the message (250 after the data): it went out. */
		ACCEPTED,

		/**
		 * A temporary failure before the server could have taken the message: a 4xx
		 * answer, throttling, no connection, the connection lost before the end of the
		 * data. Sending again later is safe.
		 */
		DEFERRED,

		/** The server refused the message for good (5xx). Do not send it again. */
		REJECTED,

		/**
		 * The server refused the recipient at RCPT TO for good (5xx): a bounce. Do not
		 * send it again.
		 */
		RECIPIENT_REJECTED,

		/**
		 * The whole message was sent but no answer came (a timeout or a lost connection
		 * after the end of the data): the server may or may not have taken it. Never send
		 * it again by itself; a person decides.
		 */
		UNCERTAIN

	}

}
