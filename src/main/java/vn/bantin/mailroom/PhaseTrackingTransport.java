package vn.bantin.mailroom;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport that remembers the {@link SmtpPhase} it is in, so that a
 * failure can be told apart: refused before the end of the data (safe to send again) or
 * lost while waiting for the answer to the terminating dot (the server may have the
 * message). It also keeps track of whether its connection is open without asking the
 * server (the transport's own {@code isConnected()} sends a NOOP).
 */
class PhaseTrackingTransport extends SMTPTransport {

	private volatile SmtpPhase phase = SmtpPhase.CONNECTING;

	private volatile boolean open;

	PhaseTrackingTransport(Session session, String protocol) {
		super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
	}

	SmtpPhase phase() {
		return this.phase;
	}

	/** Whether the connection is open as far as this side knows. */
	boolean open() {
		return this.open;
	}

	/** A new message begins: nothing of it has been sent yet. */
	void beginMessage() {
		this.phase = SmtpPhase.MAIL;
	}

	@Override
	protected void setConnected(boolean connected) {
		this.open = connected;
		super.setConnected(connected);
	}

	@Override
	protected synchronized boolean protocolConnect(String host, int port, String user, String password)
			throws MessagingException {
		this.phase = SmtpPhase.CONNECTING;
		return super.protocolConnect(host, port, user, password);
	}

	@Override
	protected void mailFrom() throws MessagingException {
		this.phase = SmtpPhase.MAIL;
		super.mailFrom();
	}

	@Override
	protected void rcptTo() throws MessagingException {
		this.phase = SmtpPhase.RECIPIENTS;
		super.rcptTo();
	}

	@Override
	protected OutputStream data() throws MessagingException {
		this.phase = SmtpPhase.DATA;
		return super.data();
	}

	@Override
	protected void finishData() throws IOException, MessagingException {
		this.phase = SmtpPhase.ENDING_DATA;
		super.finishData();
	}

	@Override
	protected OutputStream bdat() throws MessagingException {
		this.phase = SmtpPhase.DATA;
		return super.bdat();
	}

	@Override
	protected void finishBdat() throws IOException, MessagingException {
		this.phase = SmtpPhase.ENDING_DATA;
		super.finishBdat();
	}

	@Override
	protected int readServerResponse() throws MessagingException {
		// finishData writes the dot (flushed) and then reads its answer: from here on the
		// server has the whole message
		if (this.phase == SmtpPhase.ENDING_DATA) {
			this.phase = SmtpPhase.AWAITING_ANSWER;
		}
		return super.readServerResponse();
	}

}
