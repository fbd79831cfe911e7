package vn.bantin.mailroom;

/**
 * How far the sending of one message got on an SMTP connection: what a failure means
 * depends on it. Before {@link #AWAITING_ANSWER} the server cannot have taken the
 * message; while awaiting the answer to the terminating dot it may have.
 */
enum SmtpPhase {

	/** Opening the connection (greeting, EHLO, STARTTLS, AUTH). */
	CONNECTING,

	/** MAIL FROM sent or being sent. */
	MAIL,

	/** RCPT TO for the recipients. */
	RECIPIENTS,

	/** DATA and the message's content. */
	DATA,

	/** Writing the terminating dot. */
	ENDING_DATA,

	/** The whole message and its dot are sent; waiting for the server's final answer. */
	AWAITING_ANSWER

}
