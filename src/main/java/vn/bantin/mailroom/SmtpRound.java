package vn.bantin.mailroom;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection used for many messages in turn, by one thread, and the reading of
 * every failure as an {@link Outcome}.
 *
 * <p>
 * The connection is opened at the first message and kept; a connection that broke is
 * opened again at the next message. When a connection kept from an earlier message turns
 * out dead at MAIL FROM (the server restarted or dropped an idle client), the message is
 * tried once more on a new connection: nothing of it had been sent.
 *
 * <p>
 * What a failure means depends on the {@link SmtpPhase}: an answer 5xx at RCPT TO is
 * {@link Outcome.Kind#RECIPIENT_REJECTED}, any other 5xx {@link Outcome.Kind#REJECTED}, a
 * 4xx (throttling and 421 included) {@link Outcome.Kind#DEFERRED}; a lost connection or a
 * timeout is {@link Outcome.Kind#DEFERRED} before the terminating dot was sent and
 * {@link Outcome.Kind#UNCERTAIN} while waiting for its answer.
 */
class SmtpRound implements Mailroom.Round {

	private static final Logger logger = LoggerFactory.getLogger(SmtpRound.class);

	private final Session session;

	private final SmtpServer server;

	private final Clock clock;

	private final java.util.function.Supplier<java.time.ZoneId> zone;

	private PhaseTrackingTransport transport;

	SmtpRound(Session session, SmtpServer server, Clock clock, java.util.function.Supplier<java.time.ZoneId> zone) {
		this.zone = zone;
		this.session = session;
		this.server = server;
		this.clock = clock;
	}

	@Override
	public Outcome send(MimeMessage message) {
		Address[] recipients;
		try {
			Postmark.stamp(message, this.clock, this.zone.get());
			recipients = message.getAllRecipients();
		}
		catch (MessagingException | RuntimeException ex) {
			return new Outcome(Outcome.Kind.REJECTED, "message cannot be prepared: " + describe(ex));
		}
		if (recipients == null || recipients.length == 0) {
			return new Outcome(Outcome.Kind.REJECTED, "message has no recipients");
		}
		boolean reused = this.transport != null && this.transport.open();
		Attempt attempt = attempt(message, recipients);
		if (reused && attempt.staleConnection()) {
			logger.debug("SMTP connection to {} was dead ({}); sending again on a new one", this.server.address(),
					attempt.outcome().answer());
			attempt = attempt(message, recipients);
		}
		return attempt.outcome();
	}

	private Attempt attempt(MimeMessage message, Address[] recipients) {
		if (this.transport == null || !this.transport.open()) {
			Outcome refused = connect();
			if (refused != null) {
				return new Attempt(refused, false);
			}
		}
		PhaseTrackingTransport current = this.transport;
		current.beginMessage();
		try {
			current.sendMessage(message, recipients);
			return new Attempt(new Outcome(Outcome.Kind.ACCEPTED, answer(current.getLastServerResponse())), false);
		}
		catch (MessagingException ex) {
			return failed(current, ex);
		}
		catch (RuntimeException ex) {
			// the transport is in an unknown state: never use it again
			discard();
			Outcome.Kind kind = (current.phase() == SmtpPhase.AWAITING_ANSWER) ? Outcome.Kind.UNCERTAIN
					: Outcome.Kind.DEFERRED;
			return new Attempt(new Outcome(kind, describe(ex)), false);
		}
	}

	/** Opens the connection; null when open, else the (deferred) outcome. */
	private Outcome connect() {
		discard();
		PhaseTrackingTransport opened = new PhaseTrackingTransport(this.session, this.server.protocol());
		try {
			opened.connect(this.server.host(), this.server.port(), this.server.username(), this.server.password());
			this.transport = opened;
			return null;
		}
		catch (MessagingException | RuntimeException ex) {
			closeQuietly(opened);
			int code = opened.getLastReturnCode();
			String answer = (code >= 400) ? answer(opened.getLastServerResponse()) : describe(ex);
			// a refusal of our credentials would repeat for every message, yet it is the
			// operator's to fix, and sending later (once fixed) is safe
			return new Outcome(Outcome.Kind.DEFERRED, "cannot connect to " + this.server.address() + ": " + answer);
		}
	}

	private Attempt failed(PhaseTrackingTransport current, MessagingException ex) {
		SmtpPhase phase = current.phase();
		if (phase == SmtpPhase.RECIPIENTS && ex instanceof SendFailedException refused
				&& !(ex instanceof SMTPSendFailedException)) {
			return new Attempt(recipientsRefused(current, refused), false);
		}
		int code = returnCode(ex);
		String answer = (code > 0) ? answer(ex.getMessage())
				: (code < 0) ? "connection closed by the server" : describe(ex);
		boolean connectionLost = code <= 0 || code == 421 || causedByIo(ex);
		if (connectionLost) {
			discard();
		}
		else {
			reset(current);
		}
		Outcome outcome;
		if (code >= 500 && code <= 599) {
			outcome = new Outcome(Outcome.Kind.REJECTED, answer);
		}
		else if (code >= 400 && code <= 499) {
			outcome = new Outcome(Outcome.Kind.DEFERRED, answer);
		}
		else if (phase == SmtpPhase.AWAITING_ANSWER) {
			outcome = new Outcome(Outcome.Kind.UNCERTAIN, "no answer after the end of the data: " + answer);
		}
		else {
			outcome = new Outcome(Outcome.Kind.DEFERRED, "connection lost: " + answer);
		}
		return new Attempt(outcome, phase == SmtpPhase.MAIL && connectionLost);
	}

	/**
	 * The transport refused the message at RCPT TO (and reset the transaction itself).
	 * Every refused recipient refused for good makes a bounce; any temporary refusal
	 * makes the whole message wait.
	 */
	private Outcome recipientsRefused(PhaseTrackingTransport current, SendFailedException ex) {
		List<SMTPAddressFailedException> refusals = new ArrayList<>();
		for (Exception next = ex; next != null; next = (next instanceof MessagingException messaging)
				? messaging.getNextException() : null) {
			if (next instanceof SMTPAddressFailedException refusal) {
				refusals.add(refusal);
			}
		}
		if (refusals.isEmpty() || refusals.stream().anyMatch((refusal) -> refusal.getReturnCode() <= 0)) {
			discard();
			return new Outcome(Outcome.Kind.DEFERRED, "connection lost: " + describe(ex));
		}
		if (!current.open()) {
			discard();
		}
		for (SMTPAddressFailedException refusal : refusals) {
			if (temporary(refusal.getReturnCode())) {
				return new Outcome(Outcome.Kind.DEFERRED, answer(refusal.getMessage()));
			}
		}
		return new Outcome(Outcome.Kind.RECIPIENT_REJECTED, answer(refusals.get(0).getMessage()));
	}

	/**
	 * Whether an answer to RCPT TO is temporary: 4xx, and 552 ("too much mail"), which
	 * RFC 5321 says clients should take as 452 there.
	 */
	private static boolean temporary(int code) {
		return (code >= 400 && code <= 499) || code == 552;
	}

	/** After a refused transaction on a live connection, start the next one clean. */
	private void reset(PhaseTrackingTransport current) {
		try {
			if (current.simpleCommand("RSET") != 250) {
				discard();
			}
		}
		catch (MessagingException | RuntimeException ex) {
			discard();
		}
	}

	private static int returnCode(MessagingException ex) {
		if (ex instanceof SMTPSendFailedException failed) {
			return failed.getReturnCode();
		}
		if (ex instanceof SMTPSenderFailedException failed) {
			return failed.getReturnCode();
		}
		if (ex instanceof SMTPAddressFailedException failed) {
			return failed.getReturnCode();
		}
		return 0;
	}

	private static boolean causedByIo(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause instanceof MessagingException messaging
				&& messaging.getNextException() != null) ? messaging.getNextException() : cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** The server's answer on one line, e.g. "550 5.1.1 User unknown". */
	private static String answer(String response) {
		if (response == null || response.isBlank()) {
			return "";
		}
		return response.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	/** What went wrong, with the innermost cause (e.g. "Read timed out"). */
	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (true) {
			Throwable next = (root instanceof MessagingException messaging && messaging.getNextException() != null)
					? messaging.getNextException() : root.getCause();
			if (next == null || next == root) {
				break;
			}
			root = next;
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		if (root != ex && ex.getMessage() != null && !ex.getMessage().equals(message)) {
			message = answer(ex.getMessage()) + " (" + message + ")";
		}
		return answer(message);
	}

	private void discard() {
		if (this.transport != null) {
			closeQuietly(this.transport);
			this.transport = null;
		}
	}

	private static void closeQuietly(PhaseTrackingTransport transport) {
		try {
			if (transport.open()) {
				transport.close();
			}
		}
		catch (MessagingException | RuntimeException ex) {
			logger.debug("Closing an SMTP connection failed", ex);
		}
	}

	/** Ends the round: QUIT on an open connection. */
	@Override
	public void close() {
		discard();
	}

	/**
	 * What one try gave.
	 *
	 * @param outcome the outcome
	 * @param staleConnection whether the connection was found dead before anything of the
	 * message was sent (a new connection may take it)
	 */
	private record Attempt(Outcome outcome, boolean staleConnection) {
	}

}
