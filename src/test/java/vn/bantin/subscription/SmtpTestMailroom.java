package vn.bantin.subscription;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import vn.bantin.mailroom.Mailroom;
import vn.bantin.mailroom.Outcome;

/**
 * A {@link Mailroom} for the subscription tests, while the real one (another part of
 * issue 6) is being built: each message goes through Spring's {@link JavaMailSender} to
 * {@code spring.mail.host} (GreenMail). Replace it by the real mailroom once merged.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmtpTestMailroom {

	@Bean
	@Primary
	Mailroom smtpTestMailroom(JavaMailSender sender) {
		return new Mailroom() {

			@Override
			public MimeMessage newMessage() {
				return sender.createMimeMessage();
			}

			@Override
			public Round open() {
				return new Round() {

					@Override
					public Outcome send(MimeMessage message) {
						try {
							message.saveChanges();
							sender.send(message);
							return new Outcome(Outcome.Kind.ACCEPTED, "250 OK");
						}
						catch (MailSendException ex) {
							boolean rejected = ex.getMessageExceptions().length > 0
									&& ex.getMessageExceptions()[0] instanceof SendFailedException;
							return new Outcome(rejected ? Outcome.Kind.REJECTED : Outcome.Kind.DEFERRED,
									String.valueOf(ex.getMessage()));
						}
						catch (MailException | MessagingException ex) {
							return new Outcome(Outcome.Kind.DEFERRED, String.valueOf(ex.getMessage()));
						}
					}

					@Override
					public void close() {
					}

				};
			}

			@Override
			public String destination() {
				return "smtp (test)";
			}

			@Override
			public boolean usesOutbox() {
				return false;
			}

		};
	}

}
