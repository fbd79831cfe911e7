package vn.bantin.mailroom;

import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;

import vn.bantin.account.ResidentAddresses;
import vn.bantin.system.Secrets;

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
			Date parsed = new MailDateFormat().parse(dateHeader, new ParsePosition(0));
			if (parsed != null) {
				date = parsed.toInstant();
			}
		}
		return new OutboxEntry(day, name, size, date, MailText.decode(headers.getHeader("To", ", ")),
				MailText.decode(headers.getHeader("Subject", null)));
	}

	/**
	 * The entry as staff who do not see residents' addresses see it: each recipient by
	 * its masked address, without names.
	 */
	OutboxEntry withRecipientsHidden() {
		String hidden;
		try {
			List<String> masked = new ArrayList<>();
			for (InternetAddress address : InternetAddress.parseHeader(this.to, false)) {
				masked.add(ResidentAddresses.masked(address.getAddress()));
			}
			hidden = String.join(", ", masked);
		}
		catch (AddressException ex) {
			hidden = this.to.isBlank() ? "" : Secrets.HIDDEN;
		}
		return new OutboxEntry(this.day, this.name, this.size, this.date, hidden, this.subject);
	}

	/** The size in kilobytes, at least 1. */
	public long kilobytes() {
		return Math.max(1, (this.size + 1023) / 1024);
	}

	/**
	 * The file's path under the outbox, e.g. {@code 2026-11-29/071502-123-9f3a61c2.eml}.
	 */
	public String path() {
		return this.day + "/" + this.name;
	}

}
