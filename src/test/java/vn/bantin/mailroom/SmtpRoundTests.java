package vn.bantin.mailroom;

import vn.bantin.ScriptedSmtpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.mail.autoconfigure.MailProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds over real SMTP: GreenMail for what a good server does, a scripted server for
 * every way a server refuses, falls silent or goes away.
 */
class SmtpRoundTests {

	static final String SUBJECT = "Thông báo: lịch tiêm chủng mở rộng tháng 12 — thôn Đông Hòa";

	static final String BODY = "Kính gửi bà con thôn Đông Hòa,\r\nTrạm y tế xã tổ chức tiêm chủng ngày 5/12.\r\n"
			+ "Đề nghị các hộ gia đình đưa trẻ đến đúng giờ.";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	final Clock clock = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);

	MailroomSettings settings = new MailroomSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
			Duration.ofSeconds(5), null, "ban-tin@localhost");

	@Test
	void aMessageAcceptedByTheServerIsAcceptedWithItsAnswer() throws Exception {
		try (Mailroom.Round round = round(greenMail.getSmtp().getPort())) {
			Outcome outcome = round.send(message(round, "a@example.vn", 1));
			assertThat(outcome.kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(outcome.answer()).startsWith("250");
		}
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void fiftyMessagesGoOverOneConnectionWithTheirVietnameseSubjectAndBodyIntact() throws Exception {
		try (ConnectionCountingRelay relay = new ConnectionCountingRelay(greenMail.getSmtp().getPort())) {
			try (Mailroom.Round round = round(relay.port())) {
				for (int i = 0; i < 50; i++) {
					Outcome outcome = round.send(message(round, "nguoi-" + i + "@example.vn", i));
					assertThat(outcome.kind()).as("message %d: %s", i, outcome).isEqualTo(Outcome.Kind.ACCEPTED);
				}
			}
			assertThat(relay.connections).hasValue(1);
		}
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(50);
		for (MimeMessage message : received) {
			assertThat(message.getSubject()).startsWith(SUBJECT);
			assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
			assertThat(message.getContent()).asString().isEqualTo(BODY);
			assertThat(message.getMessageID()).endsWith("@hoangtrung.gov.vn>");
			assertThat(message.getSentDate().toInstant()).isEqualTo(this.clock.instant());
		}
	}

	@Test
	void aRecipientRefusedForGoodAtRcptIsRejectedWithTheServersAnswer() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.recipientAnswer = "550 5.1.1 <khong-co@example.vn>: user unknown";
			Outcome outcome = round.send(message(round, "khong-co@example.vn", 1));
			assertThat(outcome).isEqualTo(
					new Outcome(Outcome.Kind.RECIPIENT_REJECTED, "550 5.1.1 <khong-co@example.vn>: user unknown"));
			// the connection stays usable for the next recipient
			server.recipientAnswer = "250 2.1.5 Ok";
			assertThat(round.send(message(round, "co@example.vn", 2)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(server.connections).hasValue(1);
		}
	}

	@Test
	void aRecipientRefusedForNowAtRcptIsDeferred() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.recipientAnswer = "450 4.2.1 mailbox busy, try later";
			Outcome outcome = round.send(message(round, "ban@example.vn", 1));
			assertThat(outcome).isEqualTo(new Outcome(Outcome.Kind.DEFERRED, "450 4.2.1 mailbox busy, try later"));
		}
	}

	@Test
	void aRefusalAfterTheDataIsRejected() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.dataAnswer = "554 5.7.1 message refused as spam";
			Outcome outcome = round.send(message(round, "a@example.vn", 1));
			assertThat(outcome).isEqualTo(new Outcome(Outcome.Kind.REJECTED, "554 5.7.1 message refused as spam"));
			server.dataAnswer = "250 2.0.0 Ok: queued";
			assertThat(round.send(message(round, "b@example.vn", 2)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(server.connections).hasValue(1);
		}
	}

	@Test
	void throttlingAfterTheDataIsDeferred() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.dataAnswer = "451 4.7.1 rate limited, slow down";
			assertThat(round.send(message(round, "a@example.vn", 1)))
				.isEqualTo(new Outcome(Outcome.Kind.DEFERRED, "451 4.7.1 rate limited, slow down"));
		}
	}

	@Test
	void aServerClosingWith421IsDeferredAndTheNextMessageGoesOverANewConnection() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.dataAnswer = "421 4.3.2 service shutting down";
			assertThat(round.send(message(round, "a@example.vn", 1)))
				.isEqualTo(new Outcome(Outcome.Kind.DEFERRED, "421 4.3.2 service shutting down"));
			server.dataAnswer = "250 2.0.0 Ok: queued";
			assertThat(round.send(message(round, "a@example.vn", 1)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(server.connections).hasValue(2);
		}
	}

	@Test
	void aServerThatNeverAnswersTheEndOfTheDataMakesTheMessageUncertain() throws Exception {
		this.settings = new MailroomSettings(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(2), null,
				"ban-tin@localhost");
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.dataAnswer = null;
			Outcome outcome = round.send(message(round, "a@example.vn", 1));
			assertThat(outcome.kind()).isEqualTo(Outcome.Kind.UNCERTAIN);
			assertThat(outcome.answer()).containsIgnoringCase("timed out");
		}
	}

	@Test
	void aConnectionClosedAfterTheEndOfTheDataWithoutAnAnswerMakesTheMessageUncertain() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.closeAfterDot = true;
			assertThat(round.send(message(round, "a@example.vn", 1))).isEqualTo(new Outcome(Outcome.Kind.UNCERTAIN,
					"no answer after the end of the data: connection closed by the server"));
		}
	}

	@Test
	void a421AtMailFromOrRcptToIsDeferred() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.mailAnswer = "421 4.7.0 too many connections";
			assertThat(round.send(message(round, "a@example.vn", 1)))
				.isEqualTo(new Outcome(Outcome.Kind.DEFERRED, "421 4.7.0 too many connections"));
			server.mailAnswer = "250 2.1.0 Ok";
			server.recipientAnswer = "421 4.4.5 try again later";
			assertThat(round.send(message(round, "a@example.vn", 2)))
				.isEqualTo(new Outcome(Outcome.Kind.DEFERRED, "421 4.4.5 try again later"));
			server.recipientAnswer = "250 2.1.5 Ok";
			assertThat(round.send(message(round, "a@example.vn", 3)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
		}
	}

	@Test
	void aSenderRefusedForGoodIsRejected() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.mailAnswer = "553 5.7.1 sender address not allowed";
			assertThat(round.send(message(round, "a@example.vn", 1)))
				.isEqualTo(new Outcome(Outcome.Kind.REJECTED, "553 5.7.1 sender address not allowed"));
			server.mailAnswer = "250 2.1.0 Ok";
			assertThat(round.send(message(round, "a@example.vn", 2)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(server.connections).hasValue(1);
		}
	}

	@Test
	void aServerGoneForGoodInTheMiddleOfARoundDefersTheRest() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			assertThat(round.send(message(round, "a@example.vn", 1)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			server.stop();
			Outcome outcome = round.send(message(round, "b@example.vn", 2));
			assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEFERRED);
			assertThat(outcome.answer()).startsWith("cannot connect to smtp://127.0.0.1:" + server.port());
		}
	}

	@Test
	void aConnectionClosedInTheMiddleOfTheDataIsDeferred() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			server.closeAfterDataBytes = 10_000;
			MimeMessage message = message(round, "a@example.vn", 1);
			message.setText(BODY.repeat(40_000), "UTF-8");
			Outcome outcome = round.send(message);
			assertThat(outcome.kind()).as("%s", outcome).isEqualTo(Outcome.Kind.DEFERRED);
			assertThat(outcome.answer()).startsWith("connection lost: ");
			assertThat(server.received).isEmpty();
		}
	}

	@Test
	void nothingListeningIsDeferred() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		try (Mailroom.Round round = round(port)) {
			Outcome outcome = round.send(message(round, "a@example.vn", 1));
			assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEFERRED);
			assertThat(outcome.answer()).contains("cannot connect to smtp://127.0.0.1:" + port);
		}
	}

	@Test
	void aServerRestartedBetweenTwoMessagesTakesTheSecondOverANewConnection() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			assertThat(round.send(message(round, "a@example.vn", 1)).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			server.stop();
			server.start();
			Outcome second = round.send(message(round, "b@example.vn", 2));
			assertThat(second.kind()).as("%s", second).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(server.connections).hasValue(2);
			assertThat(server.received).hasSize(2);
		}
	}

	@Test
	void aMessageIdChosenByTheCallerIsKept() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(); Mailroom.Round round = round(server.port())) {
			MimeMessage message = message(round, "a@example.vn", 1);
			message.setHeader("Message-ID", "<delivery-42@hoangtrung.gov.vn>");
			assertThat(round.send(message).kind()).isEqualTo(Outcome.Kind.ACCEPTED);
			assertThat(server.received.get(0)).contains("Message-ID: <delivery-42@hoangtrung.gov.vn>");
		}
	}

	private Mailroom.Round round(int port) {
		MailProperties mail = new MailProperties();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		Session session = SmtpServer.session(mail, this.settings, null);
		return new SmtpRound(session, SmtpServer.of(mail), this.clock, () -> java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	private Session session;

	private MimeMessage message(Mailroom.Round round, String to, int n) throws MessagingException {
		if (this.session == null) {
			this.session = Session.getInstance(new Properties());
		}
		MimeMessage message = new MimeMessage(this.session);
		try {
			message.setFrom(new InternetAddress("ubnd@hoangtrung.gov.vn", "UBND xã Hoằng Trung", "UTF-8"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(SUBJECT + " (" + n + ")", "UTF-8");
		message.setText(BODY, "UTF-8");
		return message;
	}

}
