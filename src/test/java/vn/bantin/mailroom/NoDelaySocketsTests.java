package vn.bantin.mailroom;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections to a plain or STARTTLS SMTP server send without Nagle's delay: a message
 * larger than Jakarta Mail's write buffer otherwise waits 40 ms for the server's delayed
 * acknowledgement before its final dot (see bench/mail in docs/benchmarks.md).
 */
class NoDelaySocketsTests {

	@Test
	void socketsToThePlainServerHaveNagleOff() throws Exception {
		MailProperties mail = new MailProperties();
		mail.setHost("127.0.0.1");
		Session session = SmtpServer.session(mail, new MailroomSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
				Duration.ofSeconds(60), null, "ban-tin@localhost"), null);
		Properties properties = session.getProperties();
		assertThat(properties.get("mail.smtp.socketFactory")).isInstanceOf(NoDelaySockets.class);
		try (ServerSocket server = new ServerSocket(0);
				Socket socket = new NoDelaySockets().createSocket("127.0.0.1", server.getLocalPort())) {
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void anSslServerKeepsItsOwnSocketFactory() {
		MailProperties mail = new MailProperties();
		mail.setHost("127.0.0.1");
		mail.getSsl().setEnabled(true);
		Session session = SmtpServer.session(mail, new MailroomSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
				Duration.ofSeconds(60), null, "ban-tin@localhost"), null);
		assertThat(session.getProperties().get("mail.smtp.socketFactory")).isNull();
	}

}
