package vn.bantin.mailroom;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailroom's own settings ({@code bantin.mailroom.*}). The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param connectTimeout how long to wait for the SMTP server to accept a connection
 * @param readTimeout how long to wait for any answer of the server; after the end of a
 * message's data, waiting longer than this makes the message
 * {@link Outcome.Kind#UNCERTAIN}
 * @param writeTimeout how long a write to the server may block
 * @param outbox the folder of {@code .eml} files when no SMTP host is set; default
 * {@code <bantin.data-dir>/outbox}
 * @param fromAddress the sender's address when the commune has no email of its own
 */
@ConfigurationProperties("bantin.mailroom")
record MailroomSettings(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("60s") Duration writeTimeout, Path outbox,
		@DefaultValue("ban-tin@localhost") String fromAddress) {
}
