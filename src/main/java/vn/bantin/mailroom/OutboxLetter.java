package vn.bantin.mailroom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import vn.bantin.account.ResidentAddresses;
import vn.bantin.system.Secrets;

/**
 * One message of the outbox as its page shows it: every header decoded, the plain-text
 * part, the HTML part (shown only in a sandboxed frame) and the names of attachments.
 *
 * <p>
 * Staff read here the mail meant for residents, so the secrets of its links are masked
 * ({@link Secrets#masked}) in every header and part: nobody confirms a sign-up, leaves a
 * list or opens someone's choices with what this page shows. Only the raw file (for
 * administrators) keeps them. For staff who do not see residents' addresses
 * ({@link ResidentAddresses}), {@link #withRecipientsHidden()} masks the recipients too.
 *
 * @param entry the file and its main headers
 * @param headers every header in order, decoded, secrets masked
 * @param text the first plain-text part, or null; secrets masked
 * @param html the first HTML part, or null; secrets masked
 * @param attachments the file names (or types) of the other parts
 * @param recipients the addresses of To, Cc and Bcc
 */
record OutboxLetter(OutboxEntry entry, List<MailHeader> headers, String text, String html, List<String> attachments,
		List<Recipient> recipients) {

	static OutboxLetter of(OutboxEntry entry, MimeMessage message) throws MessagingException, IOException {
		List<MailHeader> headers = new ArrayList<>();
		Enumeration<Header> all = message.getAllHeaders();
		while (all.hasMoreElements()) {
			Header header = all.nextElement();
			headers.add(new MailHeader(header.getName(), Secrets.masked(MailText.decode(header.getValue()))));
		}
		Parts parts = new Parts();
		parts.walk(message);
		return new OutboxLetter(entry, List.copyOf(headers), Secrets.masked(parts.text), Secrets.masked(parts.html),
				List.copyOf(parts.attachments), recipients(message));
	}

	/**
	 * The letter with its recipients' addresses masked and their names hidden, in the
	 * headers and in both parts (a greeting names the person).
	 */
	OutboxLetter withRecipientsHidden() {
		UnaryOperator<String> hide = (text) -> {
			if (text == null) {
				return null;
			}
			String hidden = text;
			for (Recipient recipient : this.recipients) {
				hidden = Pattern.compile(Pattern.quote(recipient.address()), Pattern.CASE_INSENSITIVE)
					.matcher(hidden)
					.replaceAll(Matcher.quoteReplacement(ResidentAddresses.masked(recipient.address())));
				if (recipient.name() != null && recipient.name().strip().length() > 1) {
					hidden = hidden.replace(recipient.name().strip(), Secrets.HIDDEN);
				}
			}
			return hidden;
		};
		List<MailHeader> hiddenHeaders = this.headers.stream()
			.map((header) -> new MailHeader(header.name(), hide.apply(header.value())))
			.toList();
		return new OutboxLetter(this.entry.withRecipientsHidden(), hiddenHeaders, hide.apply(this.text),
				hide.apply(this.html), this.attachments, List.of());
	}

	private static List<Recipient> recipients(MimeMessage message) {
		List<Recipient> recipients = new ArrayList<>();
		try {
			Address[] addresses = message.getAllRecipients();
			if (addresses != null) {
				for (Address address : addresses) {
					if (address instanceof InternetAddress internet && internet.getAddress() != null) {
						recipients.add(new Recipient(internet.getAddress(),
								(internet.getPersonal() != null) ? MailText.decode(internet.getPersonal()) : null));
					}
				}
			}
		}
		catch (MessagingException ex) {
			// a recipient header that does not parse: nothing to hide by name, the
			// headers
			// are still shown as written
		}
		return List.copyOf(recipients);
	}

	/**
	 * A recipient of the message.
	 *
	 * @param address the address
	 * @param name the display name, or null
	 */
	record Recipient(String address, String name) {
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
