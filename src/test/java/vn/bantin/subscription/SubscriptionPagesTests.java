package vn.bantin.subscription;

import java.io.IOException;
import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.MutableClockConfiguration;
import vn.bantin.TestPorts;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.commune.Commune;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Residents sign up, confirm, choose and leave, through the real pages and a real SMTP
 * server (GreenMail): double opt-in with one confirmation mail, honeypot, throttling,
 * confirmation only by POST, one-click unsubscribe without cookies, preferences, purge.
 */
@BantinWebTest
class SubscriptionPagesTests {

	private static final String LIST = "nguoi-dan-cchc";

	private static final GreenMail SMTP = new GreenMail(
			new ServerSetup(TestPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SignUpThrottle throttle;

	@Autowired
	Audience audience;

	@Autowired
	SignUps signUps;

	@Autowired
	PendingPurge purge;

	@Autowired
	Commune commune;

	@Autowired
	TestAccounts accounts;

	private static final java.util.concurrent.atomic.AtomicInteger ips = new java.util.concurrent.atomic.AtomicInteger();

	@BeforeEach
	void fresh() throws Exception {
		this.clock.set(MutableClockConfiguration.START);
		this.throttle.clear();
		SMTP.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void clockBack() {
		this.clock.set(MutableClockConfiguration.START);
	}

	@Test
	void signingUpSendsOneConfirmationMailWhoseLinkConfirmsOnlyByPost() throws Exception {
		String address = "lan@example.vn";
		String decomposedName = Normalizer.normalize("Nguyễn Thị Lan", Normalizer.Form.NFD);

		MvcResult answer = this.mvc.perform(signUp(address).param("name", decomposedName).param("village", "Thôn Đông"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hãy kiểm tra hộp thư")))
			.andReturn();
		assertThat(answer.getRequest().getSession(false)).isNull();

		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails[0];
		assertThat(mail.getSubject()).isEqualTo("Xác nhận đăng ký nhận bản tin – " + this.commune.identity().name());
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(address);
		List<String> types = new ArrayList<>();
		String text = textOf(mail, types);
		assertThat(types).contains("text/plain", "text/html");
		assertThat(text).contains("Người dân quan tâm cải cách hành chính");
		URI link = confirmationLink(text);
		assertThat(link.toString())
			.startsWith(this.commune.identity().websiteUrl().replaceAll("/$", "") + "/subscribe/confirm?token=");
		assertThat(row(address, "status")).isEqualTo("PENDING");
		assertThat(row(address, "name")).isEqualTo("Nguyễn Thị Lan");
		assertThat(row(address, "confirmation_sent_at")).isNotNull();

		// signing up again while pending: the same answer, no second mail
		this.mvc.perform(signUp(address))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hãy kiểm tra hộp thư")));
		assertThat(SMTP.getReceivedMessages()).hasSize(1);

		// a mail scanner following the link confirms nothing
		this.mvc.perform(get(link.getPath() + "?" + link.getRawQuery()))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Xác nhận")));
		assertThat(row(address, "status")).isEqualTo("PENDING");
		assertThat(recipients()).doesNotContain(address);

		this.mvc.perform(post("/subscribe/confirm").param("token", token(link)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Đã xác nhận")));
		assertThat(row(address, "status")).isEqualTo("CONFIRMED");
		assertThat(row(address, "consent_source")).isEqualTo("sign-up form");
		assertThat(row(address, "consent_at")).isNotNull();
		assertThat(recipients()).contains(address);
	}

	@Test
	void aKnownAddressGetsTheSameAnswerAndOnlyAConfirmationOfNewLists() throws Exception {
		long id = confirmed("known@example.vn");

		this.mvc.perform(signUp("known@example.vn"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hãy kiểm tra hộp thư")));
		assertThat(SMTP.getReceivedMessages()).isEmpty();

		this.jdbc.update("DELETE FROM subscription WHERE subscriber_id = ?", id);
		this.mvc.perform(signUp("Known@Example.vn")).andExpect(status().isOk());
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(recipients()).doesNotContain("known@example.vn");
		URI link = confirmationLink(textOf(SMTP.getReceivedMessages()[0], new ArrayList<>()));
		this.mvc.perform(post("/subscribe/confirm").param("token", token(link))).andExpect(status().isOk());
		assertThat(recipients()).contains("known@example.vn");
		assertThat(count("known@example.vn")).isOne();
	}

	@Test
	void aConfirmationTheServerDidNotTakeIsSentByTheNextSignUp() throws Exception {
		SMTP.stop();
		try {
			this.mvc.perform(signUp("unlucky@example.vn"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Chưa gửi được thư xác nhận")));
		}
		finally {
			SMTP.start();
		}
		assertThat(row("unlucky@example.vn", "status")).isEqualTo("PENDING");
		assertThat(row("unlucky@example.vn", "confirmation_sent_at")).isNull();

		this.mvc.perform(signUp("unlucky@example.vn")).andExpect(status().isOk());
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(row("unlucky@example.vn", "confirmation_sent_at")).isNotNull();
	}

	@Test
	void theHoneypotAnswersLikeSuccessAndStoresNothing() throws Exception {
		this.mvc.perform(signUp("bot@example.vn").param("website", "http://spam.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hãy kiểm tra hộp thư")));

		assertThat(count("bot@example.vn")).isZero();
		assertThat(SMTP.getReceivedMessages()).isEmpty();
	}

	@Test
	void tooManySignUpsFromOneClientOrForOneAddressAreRefusedWith429() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(signUp("many" + i + "@example.vn").with(from("10.0.0.5"))).andExpect(status().isOk());
		}
		this.mvc.perform(signUp("many6@example.vn").with(from("10.0.0.5")))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Quá nhiều lần đăng ký")));
		assertThat(count("many6@example.vn")).isZero();

		for (int i = 1; i <= 3; i++) {
			this.mvc.perform(signUp("target@example.vn").with(from("10.0.1." + i))).andExpect(status().isOk());
		}
		this.mvc.perform(signUp("TARGET@example.vn").with(from("10.0.1.9"))).andExpect(status().isTooManyRequests());

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.mvc.perform(signUp("target@example.vn").with(from("10.0.0.5"))).andExpect(status().isOk());
	}

	@Test
	void aFormWithoutAddressOrListIsRefusedFieldByField() throws Exception {
		this.mvc.perform(post("/subscribe").param("email", "không-phải-địa-chỉ").with(from("10.0.2.1")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Địa chỉ thư điện tử không hợp lệ")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hãy chọn ít nhất một bản tin")));
		this.mvc
			.perform(post("/subscribe").param("email", "ok@example.vn")
				.param("lists", "can-bo-cong-chuc")
				.with(from("10.0.2.1")))
			.andExpect(status().isBadRequest());
		assertThat(count("ok@example.vn")).isZero();
	}

	@Test
	void theSignUpFormOffersThePublicListsOnly() throws Exception {
		this.mvc.perform(get("/subscribe"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"nguoi-dan-cchc\"")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("can-bo-cong-chuc"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"website\"")));
		this.mvc.perform(get("/"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/subscribe\"")));
	}

	@Test
	void anExpiredConfirmationIsGoneAndAForgedOneIsRefused() throws Exception {
		this.mvc.perform(signUp("late@example.vn")).andExpect(status().isOk());
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		URI link = confirmationLink(textOf(SMTP.getReceivedMessages()[0], new ArrayList<>()));
		String token = token(link);
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

		this.mvc.perform(post("/subscribe/confirm").param("token", forged)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/subscribe/confirm").param("token", "nonsense")).andExpect(status().isBadRequest());
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		this.mvc.perform(get("/subscribe/confirm").param("token", token)).andExpect(status().isGone());
		this.mvc.perform(post("/subscribe/confirm").param("token", token)).andExpect(status().isGone());
		assertThat(row("late@example.vn", "status")).isEqualTo("PENDING");
	}

	@Test
	void oneClickUnsubscribeIsAPlainPostWithoutCookiesAnswered200WithoutRedirect() throws Exception {
		long id = confirmed("leaving@example.vn");
		URI unsubscribe = this.audience.links(id, LIST).unsubscribe();
		String path = unsubscribe.getPath() + "?" + unsubscribe.getRawQuery();

		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hủy đăng ký")));
		assertThat(recipients()).contains("leaving@example.vn");

		MvcResult result = this.mvc
			.perform(
					post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(recipients()).doesNotContain("leaving@example.vn");
		assertThat(this.jdbc.queryForObject(
				"SELECT reason FROM suppression WHERE address_key = 'leaving@example.vn' AND list_key = ?",
				String.class, LIST))
			.isEqualTo("LEFT");
		// the staff way back is closed; the person's own confirmation opens it
		assertThat(this.signUps.signUp("leaving@example.vn", null, null, Set.of(LIST), "admin by test", true).result())
			.isEqualTo(SignUps.SignUp.Result.NOTHING_ADDED);
		this.mvc.perform(post(path)).andExpect(status().isOk());
		this.mvc.perform(post("/unsubscribe").param("token", "forged.token")).andExpect(status().isBadRequest());
	}

	@Test
	void thePreferencePageLeavesListsChangesNameAndVillageAndLeavesAll() throws Exception {
		long id = confirmed("choosing@example.vn");
		this.jdbc.update("INSERT INTO subscription (commune_id, subscriber_id, list_key, source, created_at)"
				+ " SELECT commune_id, id, 'truong-thon', 'test', created_at FROM subscriber WHERE id = ?", id);
		URI preferences = preferenceLink("choosing@example.vn");
		String token = token(preferences);

		this.mvc.perform(get(preferences.getPath() + "?" + preferences.getRawQuery()))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("choosing@example.vn")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Trưởng thôn")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Cán bộ, công chức xã"))));

		this.mvc
			.perform(post("/preferences").param("token", token)
				.param("lists", "truong-thon", "can-bo-cong-chuc")
				.param("name", "Trần Văn Bình")
				.param("village", "Thôn Nam"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForList("SELECT list_key FROM subscription WHERE subscriber_id = ? ORDER BY list_key",
				String.class, id))
			.containsExactly("truong-thon");
		assertThat(row("choosing@example.vn", "village")).isEqualTo("Thôn Nam");
		assertThat(row("choosing@example.vn", "name")).isEqualTo("Trần Văn Bình");
		assertThat(recipients()).doesNotContain("choosing@example.vn");

		this.mvc.perform(post("/preferences").param("token", token).param("action", "leave"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"));
		assertThat(row("choosing@example.vn", "status")).isEqualTo("LEFT");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscription WHERE subscriber_id = ?", Integer.class,
				id))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT reason FROM suppression WHERE address_key = 'choosing@example.vn' AND list_key = '*'",
				String.class))
			.isEqualTo("LEFT");
	}

	@Test
	void anUnsubscribeTokenLeavesItsListAndOpensNothingElse() throws Exception {
		long id = confirmed("forwarded@example.vn");
		URI unsubscribe = this.audience.links(id, LIST).unsubscribe();
		String token = token(unsubscribe);

		// it is not a preference or confirmation token
		this.mvc.perform(get("/preferences").param("token", token)).andExpect(status().isBadRequest());
		this.mvc.perform(post("/preferences").param("token", token).param("lists", LIST).param("name", "Kẻ lạ"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/subscribe/confirm").param("token", token)).andExpect(status().isBadRequest());
		assertThat(row("forwarded@example.vn", "name")).isEqualTo("Người thử");

		String page = this.mvc
			.perform(post(unsubscribe.getPath() + "?" + unsubscribe.getRawQuery())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(recipients()).doesNotContain("forwarded@example.vn");

		// whatever the answer links to, no list is joined again and nothing is renamed
		org.jsoup.nodes.Document answer = org.jsoup.Jsoup.parse(page);
		List<String> targets = new ArrayList<>(answer.select("a[href]").eachAttr("href"));
		targets.addAll(answer.select("form[action]").eachAttr("action"));
		assertThat(targets).noneMatch((target) -> target.contains("token="));
		Matcher anyToken = Pattern.compile("token=([A-Za-z0-9_.\\-]+)").matcher(page);
		while (anyToken.find()) {
			this.mvc.perform(
					post("/preferences").param("token", anyToken.group(1)).param("lists", LIST).param("name", "Kẻ lạ"));
			this.mvc.perform(post("/subscribe/confirm").param("token", anyToken.group(1)));
		}
		for (String target : targets) {
			if (target.startsWith("/preferences")) {
				this.mvc.perform(get(target)).andExpect(status().isOk());
				this.mvc.perform(post(target).param("lists", LIST).param("name", "Kẻ lạ").with(from("10.0.3.1")));
			}
		}
		assertThat(recipients()).doesNotContain("forwarded@example.vn");
		assertThat(row("forwarded@example.vn", "name")).isEqualTo("Người thử");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM subscription WHERE subscriber_id = ?", Integer.class,
				id))
			.isZero();
		// its one purpose keeps working: a second one-click is fine
		this.mvc.perform(post("/unsubscribe").param("token", token)).andExpect(status().isOk());
	}

	@Test
	void joiningAgainFromThePreferencePageTakesTheConfirmationMail() throws Exception {
		long id = confirmed("returning@example.vn");
		this.jdbc.update("INSERT INTO subscription (commune_id, subscriber_id, list_key, source, created_at)"
				+ " SELECT commune_id, id, 'truong-thon', 'test', created_at FROM subscriber WHERE id = ?", id);
		this.mvc.perform(post("/unsubscribe").param("token", token(this.audience.links(id, LIST).unsubscribe())))
			.andExpect(status().isOk());
		URI preferences = preferenceLink("returning@example.vn");
		SMTP.purgeEmailFromAllMailboxes();

		this.mvc
			.perform(post("/preferences").param("token", token(preferences))
				.param("lists", LIST, "truong-thon", "can-bo-cong-chuc")
				.with(from("10.0.4.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("thư xác nhận")))
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("Người dân quan tâm cải cách hành chính")));

		assertThat(recipients()).doesNotContain("returning@example.vn");
		assertThat(this.jdbc.queryForList("SELECT list_key FROM subscription WHERE subscriber_id = ? ORDER BY list_key",
				String.class, id))
			.containsExactly("truong-thon");
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage confirmation = SMTP.getReceivedMessages()[0];
		assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("returning@example.vn");
		URI link = confirmationLink(textOf(confirmation, new ArrayList<>()));
		this.mvc.perform(post("/subscribe/confirm").param("token", token(link))).andExpect(status().isOk());
		assertThat(recipients()).contains("returning@example.vn");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM suppression WHERE address_key = ? AND list_key = ?",
				Integer.class, "returning@example.vn", LIST))
			.isZero();
		assertThat(this.jdbc.queryForList("SELECT list_key FROM subscription WHERE subscriber_id = ? ORDER BY list_key",
				String.class, id))
			.containsExactly(LIST, "truong-thon");
	}

	@Test
	void aPreferenceLinkIsMailedOnlyToAReceivingAddressWithTheSameAnswerForAnyAddress() throws Exception {
		confirmed("asking@example.vn");
		this.signUps.signUp("pending-asking@example.vn", null, null, Set.of(LIST), SignUps.SIGN_UP_FORM, false);
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		SMTP.purgeEmailFromAllMailboxes();

		this.mvc.perform(get("/preferences"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"email\"")));
		String known = requestLink("Asking@Example.vn", "10.0.5.1").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String unknown = requestLink("nobody@example.vn", "10.0.5.2").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		requestLink("pending-asking@example.vn", "10.0.5.3").andExpect(status().isOk());
		assertThat(known).isEqualTo(unknown).contains("Hãy kiểm tra hộp thư").doesNotContain("token=");

		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("asking@example.vn");
		assertThat(mail.getSubject()).startsWith("Liên kết thay đổi lựa chọn nhận bản tin – ");
		assertThat(textOf(mail, new ArrayList<>())).contains("30 ngày", "/preferences?token=");
		// the mail goes out before the answer: nothing else came
		assertThat(SMTP.getReceivedMessages()).hasSize(1);

		requestLink("không-phải-địa-chỉ", "10.0.5.4").andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Địa chỉ thư điện tử không hợp lệ")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("không-phải-địa-chỉ")));
		for (int i = 0; i < 2; i++) {
			requestLink("asking@example.vn", "10.0.5.1" + i).andExpect(status().isOk());
		}
		requestLink("asking@example.vn", "10.0.5.20").andExpect(status().isTooManyRequests());
	}

	@Test
	void anExpiredOrRevokedPreferenceLinkAnswersAClearPageWithTheFormForANewOne() throws Exception {
		confirmed("lapsed@example.vn");
		URI first = preferenceLink("lapsed@example.vn");
		URI second = preferenceLink("lapsed@example.vn");

		// a newer link revokes the older one
		this.mvc.perform(get("/preferences").param("token", token(first)))
			.andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Liên kết không còn dùng được")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"email\"")));
		this.mvc.perform(post("/preferences").param("token", token(first)).param("name", "Kẻ lạ"))
			.andExpect(status().isGone());
		this.mvc.perform(get("/preferences").param("token", token(second))).andExpect(status().isOk());

		// links expire after the preference days (30)
		this.clock.advance(Duration.ofDays(30).plusMinutes(1));
		this.mvc.perform(get("/preferences").param("token", token(second)))
			.andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Liên kết đã hết hạn")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("30 ngày")));
		this.mvc.perform(post("/preferences").param("token", token(second)).param("action", "leave"))
			.andExpect(status().isGone());
		assertThat(row("lapsed@example.vn", "status")).isEqualTo("CONFIRMED");
		assertThat(row("lapsed@example.vn", "name")).isEqualTo("Người thử");

		// leaving every list revokes the link that did it
		URI third = preferenceLink("lapsed@example.vn");
		this.mvc.perform(post("/preferences").param("token", token(third)).param("action", "leave"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/preferences").param("token", token(third))).andExpect(status().isGone());
		// and a left address gets no link
		SMTP.purgeEmailFromAllMailboxes();
		requestLink("lapsed@example.vn", "10.0.6.1").andExpect(status().isOk());
		assertThat(SMTP.getReceivedMessages()).isEmpty();

		// a deleted subscriber's link, and a forged one
		long gone = confirmed("deleted@example.vn");
		URI deleted = preferenceLink("deleted@example.vn");
		this.jdbc.update("DELETE FROM subscriber WHERE id = ?", gone);
		this.mvc.perform(get("/preferences").param("token", token(deleted))).andExpect(status().isGone());
		this.mvc.perform(get("/preferences").param("token", "rubbish.token")).andExpect(status().isBadRequest());
	}

	@Test
	void staffMailAFreshPreferenceLinkThatTheyNeverSeeAndThatRevokesTheOldOnes() throws Exception {
		long id = confirmed("helped@example.vn");
		long pending = this.signUps
			.signUp("helped-pending@example.vn", null, null, Set.of(LIST), SignUps.SIGN_UP_FORM, false)
			.subscriberId();
		URI old = preferenceLink("helped@example.vn");
		SMTP.purgeEmailFromAllMailboxes();
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);

		MvcResult sent = this.mvc
			.perform(post("/admin/lists/" + LIST + "/subscribers/" + id + "/preferences-link").session(editor)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(sent.getFlashMap().get("notice")).isEqualTo("lists.preferences-link.sent");
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		URI fresh = preferenceLinkIn(SMTP.getReceivedMessages()[0]);
		String listPage = this.mvc.perform(get("/admin/lists/" + LIST).session(editor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(listPage).contains("Gửi liên kết đổi lựa chọn").doesNotContain(token(fresh));
		this.mvc.perform(get("/preferences").param("token", token(old))).andExpect(status().isGone());
		this.mvc.perform(get("/preferences").param("token", token(fresh))).andExpect(status().isOk());

		MvcResult notReceiving = this.mvc
			.perform(post("/admin/lists/" + LIST + "/subscribers/" + pending + "/preferences-link").session(editor)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(notReceiving.getFlashMap().get("notice")).isEqualTo("lists.preferences-link.not_receiving");
		this.mvc
			.perform(post("/admin/lists/" + LIST + "/subscribers/" + id + "/preferences-link")
				.session(this.accounts.signedIn(Role.APPROVER))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	private URI preferenceLink(String address) throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		requestLink(address, "10.0.9." + ips.incrementAndGet()).andExpect(status().isOk());
		assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
		URI link = preferenceLinkIn(SMTP.getReceivedMessages()[0]);
		SMTP.purgeEmailFromAllMailboxes();
		return link;
	}

	private static URI preferenceLinkIn(MimeMessage mail) throws Exception {
		String text = textOf(mail, new ArrayList<>());
		Matcher matcher = Pattern.compile("https?://\\S+/preferences\\?token=[A-Za-z0-9_.\\-]+").matcher(text);
		assertThat(matcher.find()).as("a preference link in %s", text).isTrue();
		return URI.create(matcher.group());
	}

	private org.springframework.test.web.servlet.ResultActions requestLink(String address, String ip) throws Exception {
		return this.mvc.perform(post("/preferences").param("email", address).with(from(ip)));
	}

	@Test
	void unconfirmedSignUpsArePurgedAfterThePendingDays() throws Exception {
		this.mvc.perform(signUp("forgetful@example.vn")).andExpect(status().isOk());
		confirmed("kept@example.vn");

		this.clock.advance(Duration.ofDays(6));
		this.purge.purge();
		assertThat(count("forgetful@example.vn")).isOne();

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.purge.purge();
		assertThat(count("forgetful@example.vn")).isZero();
		assertThat(count("kept@example.vn")).isOne();
	}

	private long confirmed(String address) {
		return this.signUps.signUp(address, "Người thử", null, Set.of(LIST), "admin by test", true).subscriberId();
	}

	private MockHttpServletRequestBuilder signUp(String address) {
		return post("/subscribe").param("email", address).param("lists", LIST);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String ip) {
		return (request) -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	private List<String> recipients() {
		return this.audience.recipients(LIST).stream().map(Audience.Recipient::address).toList();
	}

	private Object row(String address, String column) {
		return this.jdbc.queryForList("SELECT " + column + " FROM subscriber WHERE address_key = ?", address)
			.get(0)
			.values()
			.iterator()
			.next();
	}

	private int count(String address) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM subscriber WHERE address_key = ?", Integer.class,
				address);
	}

	private static URI confirmationLink(String text) {
		Matcher matcher = Pattern.compile("https?://\\S+/subscribe/confirm\\?token=[A-Za-z0-9_.\\-]+").matcher(text);
		assertThat(matcher.find()).as("a confirmation link in %s", text).isTrue();
		return URI.create(matcher.group());
	}

	private static String token(URI link) {
		String query = link.getRawQuery();
		return query.substring(query.indexOf("token=") + "token=".length());
	}

	private static String textOf(Part part, List<String> types) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				text.append(textOf(body, types));
			}
			return text.toString();
		}
		types.add(part.getContentType().replaceAll(";.*", "").trim().toLowerCase(java.util.Locale.ROOT));
		return part.isMimeType("text/plain") ? (String) part.getContent() : "";
	}

}
