package vn.bantin.mailroom;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * What every message gets just before it leaves: its {@code Date} (the clock's instant,
 * written with the commune's offset, never the server's default zone), a
 * {@code Message-ID} unless it has one, and its MIME headers brought up to date.
 *
 * <p>
 * Jakarta Mail replaces the {@code Message-ID} whenever a message is saved; a caller that
 * chose one (to recognise the message later) keeps it here.
 */
final class Postmark {

	private Postmark() {
	}

	static void stamp(MimeMessage message, Clock clock, ZoneId zone) throws MessagingException {
		String id = message.getMessageID();
		if (id == null || id.isBlank()) {
			id = "<" + UUID.randomUUID() + "@" + domain(message) + ">";
		}
		message.saveChanges();
		message.setHeader("Message-ID", id);
		// dated when it leaves (saveChanges dates it in the JVM's zone): an RFC 5322
		// date-time with English names whatever the locale, e.g. "Sun, 29 Nov 2026
		// 15:30:55 +0700"
		message.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(zone)));
	}

	/**
	 * The domain of the first From address, for Message-IDs that look like the sender.
	 */
	private static String domain(MimeMessage message) throws MessagingException {
		Address[] from = message.getFrom();
		if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
				&& address.getAddress() != null) {
			int at = address.getAddress().lastIndexOf('@');
			if (at >= 0 && at < address.getAddress().length() - 1) {
				return address.getAddress().substring(at + 1).toLowerCase(Locale.ROOT);
			}
		}
		return "localhost";
	}

}
