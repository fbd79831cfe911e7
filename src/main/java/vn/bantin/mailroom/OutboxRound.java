package vn.bantin.mailroom;

import jakarta.mail.internet.MimeMessage;

/** A round when mail goes to the outbox: each message becomes one file. */
class OutboxRound implements Mailroom.Round {

	private final Outbox outbox;

	OutboxRound(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Outcome send(MimeMessage message) {
		return this.outbox.write(message);
	}

	@Override
	public void close() {
		// nothing held open
	}

}
