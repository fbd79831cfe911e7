package vn.bantin.mailroom;

import java.time.Instant;
import java.util.Date;

import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;

/**
 * One file of the outbox as the list shows it.
 *
 * @param day its day folder, e.g. {@code 2026-11-29}
 * @param name its file name
 * @param size its size in bytes
 * @param date the message's Date header, else the file's time
 * @param to the To header, decoded
 * @param subject the Subject, decoded from RFC 2047
 */
record OutboxEntry(String day, String name, long size, Instant date, String to, String subject) {

	static OutboxEntry of(String day, String name, long size, Instant modified, InternetHeaders headers) {
		if (headers == null) {
			return new OutboxEntry(day, name, size, modified, "", "");
		}
		Instant date = modified;
		String dateHeader = headers.getHeader("Date", null);
		if (dateHeader != null) {
			Date parsed = new MailDateFormat().parse(dateHeader, new java.text.ParsePosition(0));
			if (parsed != null) {
				date = parsed.toInstant();
			}
		}
		return new OutboxEntry(day, name, size, date, MailText.decode(headers.getHeader("To", ", ")),
				MailText.decode(headers.getHeader("Subject", null)));
	}

}
