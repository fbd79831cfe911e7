package vn.bantin.mailroom;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.bantin.BantinWebTest;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox as the embedded default shows it: with no SMTP host, a message handed to the
 * mailroom becomes a file that the admin pages list and show (decoded headers, text, the
 * HTML part only in a sandboxed frame, the raw file to administrators); approvers see the
 * recipient masked; other roles and names outside the folder get nothing.
 */
@BantinWebTest
class OutboxPagesTests {

	static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Mailroom mailroom;

	@Autowired
	TestAccounts accounts;

	@Test
	void withoutAnSmtpHostMailGoesToTheOutboxUnderTheDataDirectory() {
		assertThat(this.mailroom.usesOutbox()).isTrue();
		assertThat(Path.of(this.mailroom.destination())).isAbsolute().endsWith(Path.of("outbox"));
	}

	@Test
	void anEditorSeesTheMessageListedAndShownWithItsVietnameseSubjectTextAndSandboxedHtml() throws Exception {
		String subject = "Bản tin tuần: đường liên thôn Đông Hòa sửa xong " + counter.incrementAndGet();
		Outcome outcome = send(subject);
		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.ACCEPTED);
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);

		Document list = page("/admin/outbox", editor);
		Element link = list.select("table.outbox a")
			.stream()
			.filter((a) -> a.text().equals(subject))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link to " + subject + " in " + list.select("table.outbox")));
		assertThat(link.attr("href")).isEqualTo("/admin/outbox/" + outcome.answer());
		assertThat(link.closest("tr").text()).contains("Chị Lê Thị Hoa <hoa@example.vn>");
		assertThat(list.select(".notice").text()).contains("tệp .eml", this.mailroom.destination());

		Document shown = page("/admin/outbox/" + outcome.answer(), editor);
		assertThat(shown.select("h1").text()).isEqualTo(subject);
		assertThat(shown.select("pre.source").text()).contains("Đường liên thôn đã được bê tông hóa.");
		assertThat(shown.select("table.mail-headers").text()).contains("Subject " + subject)
			.contains("From UBND xã Hoằng Trung <ubnd@hoangtrung.gov.vn>");
		Element frame = shown.selectFirst("iframe.mail-html");
		assertThat(frame).isNotNull();
		assertThat(frame.attr("sandbox")).isEmpty();
		assertThat(frame.hasAttr("sandbox")).isTrue();
		assertThat(shown.html()).doesNotContain("alert(");

		MvcResult html = this.mvc.perform(get(frame.attr("src")).session(editor))
			.andExpect(status().isOk())
			.andReturn();
		String policy = html.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("default-src 'none'", "sandbox", "frame-ancestors 'self'")
			.doesNotContain("script-src");
		assertThat(html.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("<h1 style=\"color:#0b5cad\">Đường liên thôn Đông Hòa</h1>");

		// the raw file keeps residents' links: administrators only
		assertThat(shown.select("a[download]")).isEmpty();
		this.mvc.perform(get("/admin/outbox/" + outcome.answer() + "/raw").session(editor))
			.andExpect(status().isForbidden());
		MockHttpSession admin = this.accounts.signedIn(Role.ADMIN);
		assertThat(page("/admin/outbox/" + outcome.answer(), admin).select("a[download]").attr("href"))
			.isEqualTo("/admin/outbox/" + outcome.answer() + "/raw");
		MvcResult raw = this.mvc.perform(get("/admin/outbox/" + outcome.answer() + "/raw").session(admin))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "message/rfc822"))
			.andReturn();
		assertThat(raw.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		MimeMessage downloaded = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.getResponse().getContentAsByteArray()));
		assertThat(downloaded.getSubject()).isEqualTo(subject);
		assertThat(raw.getResponse().getContentAsByteArray())
			.isEqualTo(Files.readAllBytes(Path.of(this.mailroom.destination()).resolve(outcome.answer())));
	}

	@Test
	void anApproverSeesTheRecipientMaskedAndNoRawFile() throws Exception {
		String subject = "Lịch tiếp công dân tháng 12 " + counter.incrementAndGet();
		Outcome outcome = send(subject);
		MockHttpSession approver = this.accounts.signedIn(Role.APPROVER);

		Document list = page("/admin/outbox", approver);
		Element row = list.select("table.outbox a")
			.stream()
			.filter((a) -> a.text().equals(subject))
			.findFirst()
			.orElseThrow()
			.closest("tr");
		assertThat(row.text()).contains("h•••@example.vn").doesNotContain("hoa@example.vn", "Lê Thị Hoa");
		Document shown = page("/admin/outbox/" + outcome.answer(), approver);
		assertThat(shown.text()).contains("h•••@example.vn", "Đường liên thôn đã được bê tông hóa.")
			.doesNotContain("hoa@example.vn", "Lê Thị Hoa");
		assertThat(shown.select("table.mail-headers").text())
			.contains("From UBND xã Hoằng Trung <ubnd@hoangtrung.gov.vn>");
		assertThat(shown.select("a[download]")).isEmpty();
		this.mvc.perform(get("/admin/outbox/" + outcome.answer() + "/raw").session(approver))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOperatorIsRefusedTheOutbox() throws Exception {
		Outcome outcome = send("Thư cho người trực " + counter.incrementAndGet());
		MockHttpSession operator = this.accounts.signedIn(Role.OPERATOR);
		this.mvc.perform(get("/admin/outbox").session(operator)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/outbox/" + outcome.answer()).session(operator)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/outbox/" + outcome.answer() + "/raw").session(operator))
			.andExpect(status().isForbidden());
	}

	@Test
	void namesOutsideTheOutboxAreNotFound() throws Exception {
		Path dataDir = Path.of(this.mailroom.destination()).getParent();
		Files.createDirectories(dataDir);
		Files.writeString(dataDir.resolve("secret.eml"), "Subject: secret\r\n\r\nsecret\r\n");
		MockHttpSession editor = this.accounts.signedIn(Role.ADMIN);
		for (String path : new String[] { "/admin/outbox/../secret.eml", "/admin/outbox/2026-11-29/..%2Fsecret.eml",
				"/admin/outbox/..%2F..%2Fsecret.eml/raw", "/admin/outbox/2026-11-29/secret.eml/raw",
				"/admin/outbox/2026-11-29/000000-000-00000000.eml" }) {
			MvcResult result = this.mvc.perform(get(path).session(editor)).andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isIn(400, 404);
			assertThat(result.getResponse().getContentAsString()).as(path).doesNotContain("secret");
		}
	}

	private Outcome send(String subject) throws Exception {
		MimeMessage message = this.mailroom.newMessage();
		message.setFrom(new InternetAddress("ubnd@hoangtrung.gov.vn", "UBND xã Hoằng Trung", "UTF-8"));
		message.setRecipient(Message.RecipientType.TO,
				new InternetAddress("hoa@example.vn", "Chị Lê Thị Hoa", "UTF-8"));
		message.setSubject(subject, "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Kính gửi Chị Lê Thị Hoa,\n\nĐường liên thôn đã được bê tông hóa.", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<h1 style=\"color:#0b5cad\">Đường liên thôn Đông Hòa</h1><script>alert(1)</script>", "UTF-8",
				"html");
		message.setContent(new MimeMultipart("alternative", text, html));
		try (Mailroom.Round round = this.mailroom.open()) {
			return round.send(message);
		}
	}

	private Document page(String path, MockHttpSession session) throws Exception {
		MvcResult result = this.mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
