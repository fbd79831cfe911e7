package vn.bantin.subscription;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import vn.bantin.timetable.Timetables;

/**
 * The one mail a pending address gets: "confirm that you want these lists", in Vietnamese
 * (the commune's language), HTML and plain text, with the signed link that expires after
 * the pending days.
 */
@Component
class ConfirmationMail {

	private final Mailroom mailroom;

	private final MailLinks links;

	private final Commune commune;

	private final Timetables timetables;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final SubscriptionSettings settings;

	ConfirmationMail(Mailroom mailroom, MailLinks links, Commune commune, Timetables timetables, MessageSource messages,
			ITemplateEngine templates, SubscriptionSettings settings) {
		this.mailroom = mailroom;
		this.links = links;
		this.commune = commune;
		this.timetables = timetables;
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
	}

	/** Sends the confirmation of these lists to this subscriber; never throws. */
	Outcome send(long subscriberId, String address, Set<String> lists) {
		try {
			MimeMessage message = compose(subscriberId, address, lists);
			try (Mailroom.Round round = this.mailroom.open()) {
				return round.send(message);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			return new Outcome(Outcome.Kind.DEFERRED, String.valueOf(ex.getMessage()));
		}
	}

	private MimeMessage compose(long subscriberId, String address, Set<String> lists) throws MessagingException {
		CommuneIdentity identity = this.commune.identity();
		Locale locale = (identity.locale() != null) ? identity.locale() : Locale.forLanguageTag("vi");
		URI link = this.links.confirm(subscriberId, lists);
		List<String> names = listNames(lists);
		String subject = this.messages.getMessage("subscribe.mail.subject", new Object[] { identity.name() }, locale);

		Context context = new Context(locale);
		context.setVariable("commune", identity);
		context.setVariable("link", link.toString());
		context.setVariable("lists", names);
		context.setVariable("days", this.settings.pendingDays());
		String html = this.templates.process("mail/subscribe-confirm", context);

		StringBuilder text = new StringBuilder();
		text.append(this.messages.getMessage("subscribe.mail.greeting", null, locale)).append("\n\n");
		text.append(this.messages.getMessage("subscribe.mail.intro", new Object[] { identity.name() }, locale))
			.append("\n\n");
		names.forEach((name) -> text.append("- ").append(name).append('\n'));
		text.append('\n')
			.append(this.messages.getMessage("subscribe.mail.action", null, locale))
			.append("\n")
			.append(link)
			.append("\n\n");
		text.append(
				this.messages.getMessage("subscribe.mail.expiry", new Object[] { this.settings.pendingDays() }, locale))
			.append("\n");
		text.append(this.messages.getMessage("subscribe.mail.ignore", null, locale)).append("\n\n");
		text.append("-- \n").append(identity.name()).append('\n');

		MimeMessage message = this.mailroom.newMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.mailroom.sender());
		helper.setTo(address);
		helper.setSubject(subject);
		helper.setText(text.toString(), html);
		return message;
	}

	private List<String> listNames(Set<String> keys) {
		return this.timetables.current().listNames(keys);
	}

}
