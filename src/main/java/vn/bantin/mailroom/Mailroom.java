package vn.bantin.mailroom;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import vn.bantin.commune.Commune;
import vn.bantin.commune.CommuneIdentity;

/**
 * Sends messages: to the SMTP server of {@code spring.mail.*}, or, when no host is set,
 * into the outbox folder as {@code .eml} files.
 *
 * <p>
 * The SMTP settings are Spring Boot's ({@code spring.mail.host}, {@code port},
 * {@code username}, {@code password}, {@code protocol}, {@code properties.*},
 * {@code ssl.*}), read here because Boot makes its mail sender only when a host is set
 * and because a round must control its one connection; the timeouts and the outbox are
 * {@code bantin.mailroom.*} ({@link MailroomSettings}).
 *
 * <p>
 * Every message handed over gets a {@code Date} and a {@code Message-ID} unless it has
 * them (one chosen by the caller is kept), and an {@link Outcome} that says what became
 * of it. Nothing here throws for a mail failure.
 */
@Service
public class Mailroom {

	private final Session session;

	private final SmtpServer server;

	private final Outbox outbox;

	private final MailroomSettings settings;

	private final Commune commune;

	private final Clock clock;

	Mailroom(Environment environment, MailroomSettings settings, Outbox outbox, Commune commune, Clock clock,
			ObjectProvider<SslBundles> sslBundles) {
		MailProperties mail = Binder.get(environment)
			.bind("spring.mail", MailProperties.class)
			.orElseGet(MailProperties::new);
		if (StringUtils.hasText(mail.getHost())) {
			this.server = SmtpServer.of(mail);
			this.session = SmtpServer.session(mail, settings, sslBundles.getIfAvailable());
		}
		else {
			this.server = null;
			this.session = Session.getInstance(new Properties());
		}
		this.settings = settings;
		this.outbox = outbox;
		this.commune = commune;
		this.clock = clock;
	}

	/**
	 * A new empty message of this mailroom's mail session, to be filled by the caller
	 * (From, To, Subject, parts, headers) and handed to {@link Round#send}. Set the
	 * charset of the subject and the parts explicitly (UTF-8): Jakarta Mail's default is
	 * the JVM's.
	 */
	public MimeMessage newMessage() {
		return new MimeMessage(this.session);
	}

	/**
	 * Opens a round: one SMTP connection (or one outbox writer) used for many messages in
	 * turn. Never throws: a server that cannot be reached makes each {@link Round#send}
	 * answer {@link Outcome.Kind#DEFERRED}; a connection lost during the round is opened
	 * again for the next message.
	 */
	public Round open() {
		if (this.server == null) {
			return new OutboxRound(this.outbox);
		}
		// one round carries the mail of several communes in turn: each message is dated
		// in
		// the zone of the commune it is sent for
		return new SmtpRound(this.session, this.server, this.clock, () -> this.commune.identity().zone());
	}

	/**
	 * Where mail goes, for people: e.g. {@code smtp://mail.example.vn:587} or the outbox
	 * folder's path.
	 */
	public String destination() {
		return (this.server != null) ? this.server.address() : this.outbox.folder().toString();
	}

	/** Whether mail goes to the outbox folder (no SMTP server configured). */
	public boolean usesOutbox() {
		return this.server == null;
	}

	/**
	 * The sender of the commune's mail: its name and email, or the configured
	 * {@code bantin.mailroom.from-address} when the commune has no email (or an invalid
	 * one).
	 */
	public InternetAddress sender() {
		CommuneIdentity identity = this.commune.identity();
		String email = StringUtils.hasText(identity.email()) ? identity.email().strip() : this.settings.fromAddress();
		try {
			new InternetAddress(email, true);
		}
		catch (AddressException ex) {
			email = this.settings.fromAddress();
		}
		try {
			return new InternetAddress(email, identity.name(), "UTF-8");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One connection used for many messages, by one thread. Close it when done (the SMTP
	 * session ends with QUIT).
	 */
	public interface Round extends AutoCloseable {

		/**
		 * Sends one message to the recipients it names (To, Cc, Bcc) and says what became
		 * of it. Never throws for a mail failure: every failure is an {@link Outcome}.
		 * Send one recipient per message: with several, a recipient refused at RCPT TO
		 * refuses the whole message (nothing is sent to the others) and the outcome
		 * cannot say which recipient it was about.
		 */
		Outcome send(MimeMessage message);

		@Override
		void close();

	}

}
