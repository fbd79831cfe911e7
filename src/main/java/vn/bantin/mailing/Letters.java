package vn.bantin.mailing;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.bantin.commune.Commune;
import vn.bantin.commune.SiteAddress;
import vn.bantin.commune.CommuneIdentity;
import vn.bantin.content.ItemView;
import vn.bantin.mailroom.Mailroom;
import vn.bantin.subscription.Audience;
import vn.bantin.text.Markdown;
import vn.bantin.text.VietnameseText;

/**
 * Writes the letters of a mailing: one MIME message per recipient, multipart/alternative
 * with a plain-text part and an HTML part (the Thymeleaf template {@code mail/letter},
 * inline CSS, readable on a phone) made from the same items, UTF-8 throughout.
 *
 * <p>
 * Headers: From and Reply-To are the commune ({@link Mailroom#sender()}: its email, or
 * the configured sender when it has none, with the commune's name as the personal name,
 * RFC 2047 encoded), To the recipient, Subject UTF-8 (RFC 2047), Date (by the mailroom),
 * a Message-ID made from the delivery's id (so a retry of a delivery carries the same
 * Message-ID and a receiving server can drop a duplicate), {@code List-Id},
 * {@code List-Unsubscribe} (signed https URL and mailto) and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. Links are absolute, on the
 * commune's website URL.
 */
@Component
class Letters {

	private static final String UTF_8 = "UTF-8";

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Commune commune;

	private final SiteAddress site;

	private final Mailroom mailroom;

	Letters(ITemplateEngine templates, MessageSource messages, Commune commune, SiteAddress site, Mailroom mailroom) {
		this.templates = templates;
		this.messages = messages;
		this.commune = commune;
		this.site = site;
		this.mailroom = mailroom;
	}

	/** The subject of a mail carrying one item: its email subject, else its title. */
	static String subject(ItemView item) {
		String subject = (item.variants() != null && hasText(item.variants().emailSubject()))
				? item.variants().emailSubject() : item.title();
		return VietnameseText.nfc(subject.strip());
	}

	/** The subject of a digest: the slot's name and the occurrence's date. */
	String digestSubject(String slotName, Instant occurrence) {
		CommuneIdentity identity = this.commune.identity();
		String day = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(occurrence.atZone(identity.zone()));
		return VietnameseText.nfc(this.messages.getMessage("mailing.mail.digest-subject",
				new Object[] { slotName, day }, slotName + " " + day, identity.locale()));
	}

	/** The stable Message-ID of a delivery, e.g. {@code <d42.m7.bantin@xa.gov.vn>}. */
	String messageId(long mailingId, long deliveryId) {
		return "<d" + deliveryId + ".m" + mailingId + ".bantin@" + host() + ">";
	}

	/**
	 * The message of one delivery.
	 * @param letter what the mailing carries
	 * @param recipient who receives it
	 * @param links the recipient's signed links
	 * @param messageId the delivery's Message-ID
	 */
	MimeMessage write(Letter letter, Audience.Recipient recipient, Audience.RecipientLinks links, String messageId)
			throws MessagingException {
		CommuneIdentity identity = this.commune.identity();
		MimeMessage message = new FixedIdMessage(this.mailroom.newMessage().getSession(), messageId);
		// the commune's name and email, or the configured sender when it has none
		InternetAddress sender = this.mailroom.sender();
		message.setFrom(sender);
		message.setReplyTo(new InternetAddress[] { sender });
		message.setRecipient(MimeMessage.RecipientType.TO, address(recipient.address(), recipient.name()));
		message.setSubject(letter.subject(), UTF_8);
		// the mailroom dates it when it goes out, in the commune's zone
		message.setHeader("List-Id", ListIdHeader.of(letter.listName(), letter.listKey(), host()));
		List<String> unsubscribe = new ArrayList<>();
		if (links.unsubscribe() != null) {
			unsubscribe.add("<" + links.unsubscribe().toASCIIString() + ">");
		}
		if (links.unsubscribeMailto() != null) {
			unsubscribe.add("<" + links.unsubscribeMailto().toASCIIString() + ">");
		}
		if (!unsubscribe.isEmpty()) {
			message.setHeader("List-Unsubscribe", MimeUtility.fold(18, String.join(", ", unsubscribe)));
		}
		if (links.unsubscribe() != null) {
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		MimeBodyPart text = new MimeBodyPart();
		text.setText(text(letter, recipient, links, identity), UTF_8, "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(html(letter, recipient, links, identity), UTF_8, "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	/** The letter of a mailing: its items made ready once for all its recipients. */
	Letter letter(String listKey, String listName, String subject, boolean digest, List<ItemView> items) {
		String base = base();
		List<LetterItem> parts = items.stream()
			.map((item) -> new LetterItem(item.id(), VietnameseText.nfc(item.title()),
					(item.summary() != null) ? VietnameseText.nfc(item.summary()) : null,
					(item.variants() != null && hasText(item.variants().emailIntro()))
							? VietnameseText.nfc(item.variants().emailIntro()) : null,
					digest ? null : Markdown.toHtml(item.bodyMarkdown()),
					digest ? null : Markdown.toPlainText(item.bodyMarkdown()), base + "/items/" + item.slug()))
			.toList();
		return new Letter(listKey, (listName != null) ? listName : listKey, subject, digest, parts);
	}

	private String html(Letter letter, Audience.Recipient recipient, Audience.RecipientLinks links,
			CommuneIdentity identity) {
		Context context = new Context(identity.locale());
		context.setVariable("letter", letter);
		context.setVariable("commune", identity);
		context.setVariable("site", base());
		context.setVariable("logo", identity.hasLogo() ? base() + "/commune/logo" : null);
		context.setVariable("recipient", recipient);
		context.setVariable("links", links);
		return this.templates.process("mail/letter", context);
	}

	private String text(Letter letter, Audience.Recipient recipient, Audience.RecipientLinks links,
			CommuneIdentity identity) {
		Locale locale = identity.locale();
		StringBuilder text = new StringBuilder();
		text.append(identity.name()).append('\n').append(letter.listName()).append("\n\n");
		if (hasText(recipient.name())) {
			text.append(message("mailing.mail.greeting", locale, recipient.name())).append("\n\n");
		}
		if (letter.digest()) {
			text.append(message("mailing.mail.digest-intro", locale, letter.items().size())).append("\n\n");
		}
		for (LetterItem item : letter.items()) {
			text.append(item.title()).append('\n');
			text.append("=".repeat(Math.min(item.title().length(), 72))).append("\n\n");
			if (item.intro() != null) {
				text.append(item.intro()).append("\n\n");
			}
			if (item.summary() != null) {
				text.append(item.summary()).append("\n\n");
			}
			if (item.text() != null && !item.text().isBlank()) {
				text.append(item.text()).append("\n\n");
			}
			text.append(message("mailing.mail.read-online", locale)).append(' ').append(item.url()).append("\n\n");
		}
		text.append("-- \n");
		text.append(message("mailing.mail.why", locale, letter.listName())).append('\n');
		if (links.preferences() != null) {
			text.append(message("mailing.mail.preferences", locale))
				.append(": ")
				.append(links.preferences())
				.append('\n');
		}
		if (links.unsubscribe() != null) {
			text.append(message("mailing.mail.unsubscribe", locale))
				.append(": ")
				.append(links.unsubscribe())
				.append('\n');
		}
		text.append(identity.name());
		if (hasText(identity.address())) {
			text.append(", ").append(identity.address());
		}
		text.append('\n').append(base()).append('\n');
		return VietnameseText.nfc(text.toString());
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	private static InternetAddress address(String email, String name) throws MessagingException {
		try {
			return hasText(name) ? new InternetAddress(email, VietnameseText.nfc(name.strip()), UTF_8)
					: new InternetAddress(email, true);
		}
		catch (UnsupportedEncodingException ex) {
			throw new MessagingException("UTF-8 unsupported", ex);
		}
	}

	/** The commune's site address, the one every link in a letter starts with. */
	private String base() {
		return this.site.base();
	}

	private String host() {
		try {
			String host = URI.create(base()).getHost();
			return hasText(host) ? host : "localhost";
		}
		catch (IllegalArgumentException ex) {
			return "localhost";
		}
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * What a mailing carries, the same for every recipient.
	 *
	 * @param listKey the list's key
	 * @param listName the list's name
	 * @param subject the subject
	 * @param digest whether it gathers several items (titles, summaries and links only)
	 * @param items the items in order
	 */
	record Letter(String listKey, String listName, String subject, boolean digest, List<LetterItem> items) {
	}

	/**
	 * One item in a letter.
	 *
	 * @param id the item's id
	 * @param title its title
	 * @param summary its summary, or null
	 * @param intro the email introduction its author wrote, or null
	 * @param html its body as safe HTML (null in a digest)
	 * @param text its body as plain text (null in a digest)
	 * @param url its absolute address on the site
	 */
	record LetterItem(String id, String title, String summary, String intro, String html, String text, String url) {
	}

	/**
	 * A message whose Message-ID is the delivery's own: Jakarta Mail would otherwise make
	 * a new one each time the message is saved, and a retry would look like another mail.
	 */
	static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
