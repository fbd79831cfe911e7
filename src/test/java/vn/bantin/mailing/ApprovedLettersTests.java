package vn.bantin.mailing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.TestPorts;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.TestItems;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.publishing.Publications;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * Letters carry only approved content: a mailing records which approval of its item it
 * carries, and when the item is edited in the middle of a send (it goes back to
 * approval), the workers write no further letter and hold the mailing with its reason
 * (page and API) until a person resumes it after the item's new approval, or cancels it.
 * Sent for real to GreenMail; the edit goes through the item API as an editor's would.
 */
@BantinWebTest
class ApprovedLettersTests {

	static final int PORT = TestPorts.free();

	static final GreenMail SMTP = started();

	static final AtomicInteger counter = new AtomicInteger();

	static final String FIRST_TEXT = "Lịch tiêm chủng đợt một vào sáng thứ Bảy.";

	static final String UNFIRST_TEXT = "BẢN SỬA CHƯA DUYỆT: lịch tiêm chủng dời sang Chủ nhật.";

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("bantin.mailing.rate-per-second", () -> 100);
		registry.add("bantin.mailing.batch-size", () -> 10);
		registry.add("bantin.mailing.poll-interval", () -> "100ms");
		registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "approved-letters-tests");
	}

	@Autowired
	Mailings mailings;

	@Autowired
	EmailChannel channel;

	@Autowired
	Publications publications;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	TestPublishedItems published;

	@Autowired
	TestItems items;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	String list;

	static GreenMail started() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	@AfterAll
	static void stop() {
		SMTP.stop();
	}

	@BeforeEach
	void newList() {
		this.list = "thu-duyet-" + counter.incrementAndGet();
	}

	String item(String title) {
		return this.published.published(Instant.parse("2025-03-03T01:00:00.395513Z"), title, "Tóm tắt.", null,
				FIRST_TEXT, List.of(), List.of("thu"), null, null);
	}

	/** An editor changes the item's text through the API: it goes back to approval. */
	void edit(String itemId, String title) throws Exception {
		this.mvc
			.perform(as(put("/api/items/{id}", itemId), this.tokens.token(Role.EDITOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"news\",\"title\":\"" + title + "\",\"body\":\"" + UNFIRST_TEXT
						+ "\",\"channels\":[\"web\",\"feed\",\"email\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("submitted"));
	}

	Mailings.MailingView mailing(long id) {
		return this.mailings.mailing(id).orElseThrow();
	}

	/** The held mailing, once the workers gave back every row they held. */
	Mailings.MailingView held(long id) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mailing(id).held() && mailing(id).count(DeliveryStatus.SENDING) == 0
					&& mailing(id).count(DeliveryStatus.CLAIMED) == 0);
		long sent = mailing(id).sent();
		// nothing more goes out while it is held
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> mailing(id).sent() == sent);
		return mailing(id);
	}

	/** The text of every letter with this subject, per recipient. */
	static Map<String, List<String>> letters(String subject) throws Exception {
		Map<String, List<String>> letters = new HashMap<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (!subject.equals(message.getSubject())) {
				continue;
			}
			MimeMultipart parts = (MimeMultipart) message.getContent();
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				text.append(part.getContent()).append('\n');
			}
			for (Address to : message.getRecipients(Message.RecipientType.TO)) {
				letters.computeIfAbsent(((InternetAddress) to).getAddress(), (a) -> new ArrayList<>())
					.add(text.toString());
			}
		}
		return letters;
	}

	@Test
	void anItemEditedInTheMiddleOfASendHoldsItAndNoLetterCarriesTheUnapprovedTextThenItResumesAfterApproval()
			throws Exception {
		this.subscribers.confirmed(this.list, 400);
		String title = "Thông báo tiêm chủng " + counter.incrementAndGet();
		String itemId = item(title);
		long id = this.mailings.create(this.list, MailingKind.MANUAL, "manual:test-" + this.list, title,
				List.of(itemId), "tester");
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailing(id).sent() >= 40);

		edit(itemId, title);

		Mailings.MailingView held = held(id);
		assertThat(held.status()).isEqualTo(MailingStatus.PAUSED);
		assertThat(held.hold().reason()).isEqualTo("item-not-approved");
		assertThat(held.hold().itemIds()).containsExactly(itemId);
		assertThat(held.sent()).isLessThan(400);
		Map<String, List<String>> before = letters(title);
		assertThat(before.values().stream().mapToInt(List::size).sum()).isEqualTo((int) held.sent());
		assertThat(before.values()).allSatisfy((copies) -> assertThat(copies).singleElement()
			.satisfies((text) -> assertThat(text).contains(FIRST_TEXT).doesNotContain(UNFIRST_TEXT)));

		// the page and the API say why, and resuming is refused while the item waits for
		// approval
		String token = this.tokens.token(Role.EDITOR);
		this.mvc.perform(as(get("/api/sends/" + id), token))
			.andExpect(jsonPath("$.status").value("paused"))
			.andExpect(jsonPath("$.held.reason").value("item-not-approved"))
			.andExpect(jsonPath("$.held.items[0]").value(itemId))
			.andExpect(jsonPath("$.held.message").value(containsString("đã được sửa sau khi duyệt")));
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);
		this.mvc.perform(get("/admin/sends/" + id).session(editor).header(HttpHeaders.ACCEPT_LANGUAGE, "vi"))
			.andExpect(content().string(containsString("data-reason=\"item-not-approved\"")))
			.andExpect(content().string(containsString("Tạm giữ")))
			.andExpect(content().string(containsString(title)));
		this.mvc.perform(post("/admin/sends/" + id + "/resume").session(editor).with(csrf()))
			.andExpect(flash().attribute("sendsError", containsString("chưa được duyệt lại")));
		this.mvc.perform(as(post("/api/sends/" + id + "/resume"), token))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("items-not-approved"));
		assertThat(mailing(id).status()).isEqualTo(MailingStatus.PAUSED);
		assertThat(letters(title).values().stream().mapToInt(List::size).sum()).isEqualTo((int) held.sent());

		// approved again: resumed, the rest carry what was just approved
		this.items.approve(itemId);
		this.mvc.perform(as(post("/api/sends/" + id + "/resume"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.held").doesNotExist());
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailing(id).status() == MailingStatus.COMPLETED);
		Map<String, List<String>> after = letters(title);
		assertThat(mailing(id).sent()).isEqualTo(400);
		assertThat(after).hasSize(400).allSatisfy((address, copies) -> assertThat(copies).hasSize(1));
		long approvedAgain = after.values().stream().filter((copies) -> copies.get(0).contains(UNFIRST_TEXT)).count();
		assertThat(approvedAgain).isEqualTo(400 - held.sent());
	}

	@Test
	void aHeldSendIsCancelledAndNothingMoreGoesOut() throws Exception {
		this.subscribers.confirmed(this.list, 300);
		String title = "Thông báo huỷ gửi " + counter.incrementAndGet();
		String itemId = item(title);
		long id = this.mailings.create(this.list, MailingKind.MANUAL, "manual:test-" + this.list, title,
				List.of(itemId), "tester");
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailing(id).sent() >= 20);
		edit(itemId, title);
		long sent = held(id).sent();

		String editorName = this.accounts.user(Role.EDITOR);
		MockHttpSession editor = this.accounts.signIn(editorName);
		this.mvc.perform(post("/admin/sends/" + id + "/cancel").param("confirm", "on").session(editor).with(csrf()))
			.andExpect(flash().attribute("notice", "sends.cancelled"));

		Mailings.MailingView cancelled = mailing(id);
		assertThat(cancelled.status()).isEqualTo(MailingStatus.CANCELLED);
		assertThat(cancelled.sent()).isEqualTo(sent);
		assertThat(cancelled.count(DeliveryStatus.SKIPPED)).isEqualTo(300 - sent);
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT last_answer FROM delivery WHERE mailing_id = ? AND status = 'SKIPPED'", String.class,
				id))
			.singleElement()
			.asString()
			.isEqualTo("cancelled by " + editorName);
		this.items.approve(itemId);
		this.mvc.perform(as(post("/api/sends/" + id + "/resume"), this.tokens.token(Role.EDITOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("cancelled"));
		this.mvc.perform(as(post("/api/sends/" + id + "/cancel"), this.tokens.token(Role.EDITOR)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-cancellable"));
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> letters(title).values().stream().mapToInt(List::size).sum() == sent);
	}

	@Test
	void aPublicationHandedOverAfterItsItemWasEditedMakesAHeldMailingAndNoLetter() throws Exception {
		this.subscribers.confirmed(this.list, 3);
		String title = "Thông báo sửa trước khi gửi " + counter.incrementAndGet();
		String itemId = item(title);
		// edited after its publication was planned (a late email waiting for an editor's
		// confirmation, a hand-over retried): when the channel takes it, it is no longer
		// approved
		edit(itemId, title);
		Publications.PublicationView publication = this.publications
			.record(itemId, Channel.EMAIL, this.list, this.clock.instant(), new Publications.Origin("thu-can-bo", null))
			.orElseThrow();

		this.channel.publish(publication);

		long id = this.mailings.existing("publication:" + publication.id()).orElseThrow();
		Mailings.MailingView mailing = held(id);
		assertThat(mailing.status()).isEqualTo(MailingStatus.PAUSED);
		assertThat(mailing.hold().itemIds()).containsExactly(itemId);
		assertThat(mailing.sent()).isZero();
		assertThat(letters(title)).isEmpty();
	}

}
