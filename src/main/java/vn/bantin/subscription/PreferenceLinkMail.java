package vn.bantin.subscription;

import java.net.URI;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.bantin.commune.Commune;
import vn.bantin.commune.CommuneIdentity;
import vn.bantin.mailroom.Mailroom;
import vn.bantin.mailroom.Outcome;

/**
 * The mail that carries a link to the preference page, to the subscriber alone: in the
 * commune's language, HTML and plain text, saying how long the link lasts, that older
 * links no longer work and that it must not be forwarded.
 */
@Component
class PreferenceLinkMail {

	private final Mailroom mailroom;

	private final Commune commune;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final SubscriptionSettings settings;

	PreferenceLinkMail(Mailroom mailroom, Commune commune, MessageSource messages, ITemplateEngine templates,
			SubscriptionSettings settings) {
		this.mailroom = mailroom;
		this.commune = commune;
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
	}

	/** Sends the link to this address; never throws. */
	Outcome send(String address, URI link) {
		try {
			MimeMessage message = compose(address, link);
			try (Mailroom.Round round = this.mailroom.open()) {
				return round.send(message);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			return new Outcome(Outcome.Kind.DEFERRED, String.valueOf(ex.getMessage()));
		}
	}

	private MimeMessage compose(String address, URI link) throws MessagingException {
		CommuneIdentity identity = this.commune.identity();
		Locale locale = (identity.locale() != null) ? identity.locale() : Locale.forLanguageTag("vi");
		int days = this.settings.preferencesDays();
		String subject = this.messages.getMessage("subscription.link.mail.subject", new Object[] { identity.name() },
				locale);

		Context context = new Context(locale);
		context.setVariable("commune", identity);
		context.setVariable("link", link.toString());
		context.setVariable("days", days);
		String html = this.templates.process("mail/preferences-link", context);

		StringBuilder text = new StringBuilder();
		text.append(this.messages.getMessage("subscribe.mail.greeting", null, locale)).append("\n\n");
		text.append(this.messages.getMessage("subscription.link.mail.intro", new Object[] { identity.name() }, locale))
			.append("\n\n");
		text.append(this.messages.getMessage("subscription.link.mail.action", null, locale))
			.append('\n')
			.append(link)
			.append("\n\n");
		text.append(this.messages.getMessage("subscription.link.mail.expiry", new Object[] { days }, locale))
			.append('\n');
		text.append(this.messages.getMessage("subscription.link.mail.private", null, locale)).append('\n');
		text.append(this.messages.getMessage("subscription.link.mail.ignore", null, locale)).append("\n\n");
		text.append("-- \n").append(identity.name()).append('\n');

		MimeMessage message = this.mailroom.newMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.mailroom.sender());
		helper.setTo(address);
		helper.setSubject(subject);
		helper.setText(text.toString(), html);
		return message;
	}

}
