package vn.bantin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.subscription.Audience;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The acceptance test of issue 6, through the real pages, the real scheduler and a real
 * SMTP server (GreenMail): a resident signs up on the site, receives one confirmation
 * mail, confirms, an item is put out, and the mail reaches them with a text and an HTML
 * part, every header a list mail needs and an intact Vietnamese subject and body; the
 * one-click unsubscribe link of that mail then takes them off the list by a plain POST.
 */
@BantinWebTest
class EmailJourneyTests {

	private static final String LIST = "nguoi-dan-cchc";

	private static final String ADDRESS = "nguyen.thi.ba@example.test";

	private static final String TITLE = "Thông báo lịch tiêm phòng vắc-xin cho gia súc, gia cầm đợt 2 năm 2026";

	private static final GreenMail SMTP = new GreenMail(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("bantin.mailing.rate-per-second", () -> "0");
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestItems items;

	@Autowired
	private TestApiTokens tokens;

	@Autowired
	private Audience audience;

	@Test
	void residentSignsUpConfirmsReceivesTheItemWithEveryListHeaderAndLeavesWithOneClick() throws Exception {
		this.mvc
			.perform(post("/subscribe").param("email", ADDRESS)
				.param("name", "Nguyễn Thị Ba")
				.param("village", "Thôn Trung Hải")
				.param("lists", LIST)
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isOk());

		MimeMessage confirmation = awaitMailTo(ADDRESS, 1).get(0);
		String token = match(text(confirmation), "/subscribe/confirm\\?token=([A-Za-z0-9_.~-]+)");
		this.mvc.perform(get("/subscribe/confirm").param("token", token)).andExpect(status().isOk());
		assertThat(receivers()).as("a GET (a link scanner) confirms nothing").doesNotContain(ADDRESS);
		this.mvc.perform(post("/subscribe/confirm").param("token", token)).andExpect(status().isOk());
		assertThat(receivers()).contains(ADDRESS);

		String item = this.items.approvedNews(TITLE, List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.WEB, Channel.EMAIL));
		String approver = this.tokens.token(Role.APPROVER);
		this.mvc.perform(TestApiTokens.as(post("/api/items/{id}/publish-now", item), approver))
			.andExpect(status().isAccepted());

		MimeMessage mail = awaitMailTo(ADDRESS, 2).get(1);
		assertThat(mail.getSubject()).isEqualTo(TITLE);
		assertThat(mail.getHeader("Subject", null)).as("RFC 2047 encoded").startsWith("=?UTF-8?");
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getPersonal()).isEqualTo("UBND xã Hoằng Trung");
		assertThat(mail.getReplyTo()).isNotEmpty();
		assertThat(mail.getHeader("Message-ID", null)).matches("<[^<>@]+@[^<>@]+>");
		assertThat(mail.getSentDate()).isNotNull();
		assertThat(mail.getHeader("Date", null)).as("in the commune's zone, whatever the JVM's").endsWith("+0700");
		assertThat(mail.getHeader("List-Id", null)).contains("<" + LIST + ".");
		String unsubscribe = mail.getHeader("List-Unsubscribe", null);
		assertThat(unsubscribe).containsPattern("<https?://[^>]+/unsubscribe\\?token=[^>]+>").contains("<mailto:");
		assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

		Multipart alternative = (Multipart) mail.getContent();
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		BodyPart plain = part(alternative, "text/plain");
		BodyPart html = part(alternative, "text/html");
		assertThat(plain.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat((String) plain.getContent()).contains(TITLE).contains("Nội dung của " + TITLE);
		String page = (String) html.getContent();
		assertThat(Jsoup.parse(page).text()).contains(TITLE);
		assertThat(Jsoup.parse(page).select("a[href]"))
			.allSatisfy((link) -> assertThat(link.attr("href")).matches("(https?|mailto):.*"));
		assertThat(Jsoup.parse(page).select("a[href]").eachAttr("href"))
			.anySatisfy((href) -> assertThat(href).endsWith("/items/" + item));

		String oneClick = match(unsubscribe, "<(https?://[^>]+/unsubscribe\\?token=[^>]+)>");
		URI uri = URI.create(oneClick);
		MvcResult left = this.mvc
			.perform(post(uri.getPath() + "?" + uri.getRawQuery()).contentType("application/x-www-form-urlencoded")
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		assertThat(left.getRequest().getSession(false)).isNull();
		assertThat(receivers()).doesNotContain(ADDRESS);
	}

	private List<String> receivers() {
		return this.audience.recipients(LIST).stream().map(Audience.Recipient::address).toList();
	}

	private static List<MimeMessage> awaitMailTo(String address, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() >= count);
		List<MimeMessage> mails = mailTo(address);
		assertThat(mails).hasSize(count);
		return mails;
	}

	private static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				return to != null
						&& Arrays.stream(to).anyMatch((a) -> ((InternetAddress) a).getAddress().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String text(MimeMessage message) throws Exception {
		Object content = message.getContent();
		return (content instanceof Multipart multipart) ? (String) part(multipart, "text/plain").getContent()
				: (String) content;
	}

	private static BodyPart part(Multipart multipart, String type) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType(type)) {
				return part;
			}
			if (part.getContent() instanceof Multipart nested) {
				return part(nested, type);
			}
		}
		throw new AssertionError("no " + type + " part");
	}

	private static String match(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		assertThat(matcher.find()).as(pattern + " in:\n" + text).isTrue();
		return matcher.group(1);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
