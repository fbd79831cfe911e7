package vn.bantin.mailroom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * One message of the outbox as its page shows it: every header decoded, the plain-text
 * part, the HTML part (shown only in a sandboxed frame) and the names of attachments.
 *
 * @param entry the file and its main headers
 * @param headers every header in order, decoded
 * @param text the first plain-text part, or null
 * @param html the first HTML part, or null
 * @param attachments the file names (or types) of the other parts
 */
record OutboxLetter(OutboxEntry entry, List<MailHeader> headers, String text, String html, List<String> attachments) {

	static OutboxLetter of(OutboxEntry entry, MimeMessage message) throws MessagingException, IOException {
		List<MailHeader> headers = new ArrayList<>();
		Enumeration<Header> all = message.getAllHeaders();
		while (all.hasMoreElements()) {
			Header header = all.nextElement();
			headers.add(new MailHeader(header.getName(), MailText.decode(header.getValue())));
		}
		Parts parts = new Parts();
		parts.walk(message);
		return new OutboxLetter(entry, List.copyOf(headers), parts.text, parts.html, List.copyOf(parts.attachments));
	}

	/**
	 * A header line.
	 *
	 * @param name its name
	 * @param value its value, unfolded and decoded
	 */
	record MailHeader(String name, String value) {
	}

	private static final class Parts {

		String text;

		String html;

		final List<String> attachments = new ArrayList<>();

		void walk(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					walk(multipart.getBodyPart(i));
				}
				return;
			}
			boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
			if (!attached && part.isMimeType("text/plain") && this.text == null) {
				this.text = content(part);
			}
			else if (!attached && part.isMimeType("text/html") && this.html == null) {
				this.html = content(part);
			}
			else {
				this.attachments
					.add((part.getFileName() != null) ? MailText.decode(part.getFileName()) : part.getContentType());
			}
		}

		private static String content(Part part) throws MessagingException {
			try {
				return String.valueOf(part.getContent());
			}
			catch (IOException ex) {
				// e.g. a charset this JVM does not know
				return "(" + ex.getMessage() + ")";
			}
		}

	}

}
