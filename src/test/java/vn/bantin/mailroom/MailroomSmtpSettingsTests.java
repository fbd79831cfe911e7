package vn.bantin.mailroom;

import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With Spring Boot's {@code spring.mail.*} set, the application's mailroom sends to that
 * server (signing in with its user name and password) and the outbox page says so.
 */
@BantinWebTest
class MailroomSmtpSettingsTests {

	static final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("bantin", "mat-khau-smtp"));

	static {
		greenMail.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
		registry.add("spring.mail.username", () -> "bantin");
		registry.add("spring.mail.password", () -> "mat-khau-smtp");
		registry.add("bantin.mailroom.read-timeout", () -> "5s");
	}

	@AfterAll
	static void stopMailServer() {
		greenMail.stop();
	}

	@Autowired
	Mailroom mailroom;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void mailGoesToTheConfiguredServerAndArrivesIntact() throws Exception {
		assertThat(this.mailroom.usesOutbox()).isFalse();
		assertThat(this.mailroom.destination()).isEqualTo("smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
		MimeMessage message = this.mailroom.newMessage();
		message.setFrom(this.mailroom.sender());
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("truong-thon@example.vn"));
		message.setSubject("Họp trưởng thôn sáng thứ Hai", "UTF-8");
		message.setText("Kính mời các đồng chí trưởng thôn dự họp.", "UTF-8");
		Outcome outcome;
		try (Mailroom.Round round = this.mailroom.open()) {
			outcome = round.send(message);
		}
		assertThat(outcome.kind()).as("%s", outcome).isEqualTo(Outcome.Kind.ACCEPTED);
		assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage received = greenMail.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("Họp trưởng thôn sáng thứ Hai");
		assertThat(received.getContent()).asString().startsWith("Kính mời các đồng chí trưởng thôn dự họp.");
		// the commune has no email yet: the configured sender address, with its name
		assertThat(received.getFrom()[0].toString())
			.isEqualTo("=?UTF-8?Q?UBND_x=C3=A3_Ho=E1=BA=B1ng_Trung?= <ban-tin@localhost>");
	}

	@Test
	void theOutboxPageSaysWhereMailGoes() throws Exception {
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);
		String page = this.mvc.perform(get("/admin/outbox").session(approver))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).select(".notice").text())
			.contains("Thư được gửi tới máy chủ smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
	}

}
