package vn.bantin.mailroom;

import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Service;

/**
 * Sends messages: to the SMTP server of {@code spring.mail.*}, or, when no host is set,
 * into the outbox folder as {@code .eml} files.
 *
 * <p>
 * SKELETON: the lead wrote these signatures for issue 6; the mailroom's helper fills in
 * the bodies and keeps the contracts.
 */
@Service
public class Mailroom {

	/**
	 * A new empty message of this mailroom's mail session, to be filled by the caller
	 * (From, To, Subject, parts, headers) and handed to {@link Round#send}.
	 */
	public MimeMessage newMessage() {
		throw new UnsupportedOperationException("issue 6: mailroom not built yet");
	}

	/**
	 * Opens a round: one SMTP connection (or one outbox writer) used for many messages in
	 * turn. Never throws: a server that cannot be reached makes each {@link Round#send}
	 * answer {@link Outcome.Kind#DEFERRED}; a connection lost during the round is opened
	 * again for the next message.
	 */
	public Round open() {
		throw new UnsupportedOperationException("issue 6: mailroom not built yet");
	}

	/**
	 * Where mail goes, for people: e.g. {@code smtp://mail.example.vn:587} or the outbox
	 * folder's path.
	 */
	public String destination() {
		throw new UnsupportedOperationException("issue 6: mailroom not built yet");
	}

	/** Whether mail goes to the outbox folder (no SMTP server configured). */
	public boolean usesOutbox() {
		throw new UnsupportedOperationException("issue 6: mailroom not built yet");
	}

	/**
	 * One connection used for many messages, by one thread. Close it when done (the SMTP
	 * session ends with QUIT).
	 */
	public interface Round extends AutoCloseable {

		/**
		 * Sends one message to the recipients it names (To, Cc, Bcc) and says what became
		 * of it. Never throws for a mail failure: every failure is an {@link Outcome}.
		 */
		Outcome send(MimeMessage message);

		@Override
		void close();

	}

}
