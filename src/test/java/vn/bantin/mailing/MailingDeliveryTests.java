package vn.bantin.mailing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
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
import vn.bantin.publishing.Handover;
import vn.bantin.publishing.Publications;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * Mailings sent for real to GreenMail (an SMTP server) by the application's workers: what
 * a recipient receives (both parts, every header, intact Vietnamese), digests, handing a
 * publication over twice, pausing, the sends page and API, and the SMTP server stopped in
 * the middle of a 2,000-recipient send and started again on the same port, after which
 * every recipient has exactly one copy.
 */
@BantinWebTest
class MailingDeliveryTests {

	static final int RATE = 400;

	static final int PORT = TestPorts.free();

	static GreenMail greenMail = started();

	static final AtomicInteger counter = new AtomicInteger();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("bantin.mailing.rate-per-second", () -> RATE);
		registry.add("bantin.mailing.max-attempts", () -> 20);
		registry.add("bantin.mailing.poll-interval", () -> "200ms");
		registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "mailing-delivery-tests");
	}

	@Autowired
	Mailings mailings;

	@Autowired
	EmailChannel channel;

	@Autowired
	Publications publications;

	@Autowired
	Handover handover;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	TestPublishedItems items;

	@Autowired
	TestItems testItems;

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

	@BeforeEach
	void newList() {
		this.list = "thu-test-" + counter.incrementAndGet();
	}

	@AfterAll
	static void stopServer() {
		greenMail.stop();
	}

	static GreenMail started() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	String item(String title, String body) {
		return this.items.published(this.clock.instant().minus(Duration.ofMinutes(5)), title, "Tóm tắt: " + title, null,
				body, List.of(), List.of("thu"), null, null);
	}

	Publications.PublicationView publish(String itemId, String slot, Instant occurrence) {
		return this.publications
			.record(itemId, Channel.EMAIL, this.list, occurrence, new Publications.Origin(slot, null))
			.orElseThrow();
	}

	Mailings.MailingView completed(long id) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED);
		return this.mailings.mailing(id).orElseThrow();
	}

	/** Received messages per recipient address, among these addresses. */
	static Map<String, List<MimeMessage>> byRecipient(MimeMessage[] received, Set<String> addresses) throws Exception {
		Map<String, List<MimeMessage>> by = new HashMap<>();
		for (MimeMessage message : received) {
			for (Address to : message.getRecipients(Message.RecipientType.TO)) {
				String address = ((InternetAddress) to).getAddress();
				if (addresses.contains(address)) {
					by.computeIfAbsent(address, (a) -> new ArrayList<>()).add(message);
				}
			}
		}
		return by;
	}

	Set<String> addresses(List<Long> ids) {
		return Set.copyOf(this.jdbc.queryForList("SELECT address FROM subscriber WHERE id IN ("
				+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")", String.class));
	}

	@Test
	void aPublishedItemReachesEachSubscriberOnceWithBothPartsEveryHeaderAndIntactVietnamese() throws Exception {
		List<Long> ids = this.subscribers.confirmed(this.list, 3);
		String title = "Thông báo lịch tiêm chủng mở rộng tháng 12 cho trẻ em dưới 5 tuổi ở các thôn";
		String itemId = item(title, "Trạm y tế xã tổ chức tiêm chủng **đợt bổ sung** vào sáng thứ Bảy.");
		Publications.PublicationView publication = publish(itemId, "thu-can-bo", this.clock.instant());

		this.handover.run(this.clock.instant());
		long mailingId = this.mailings.existing("publication:" + publication.id()).orElseThrow();
		Mailings.MailingView mailing = completed(mailingId);
		// handed over again (the hand-over is at least once): nothing new
		this.channel.publish(publication);

		assertThat(this.mailings.existing("publication:" + publication.id())).contains(mailingId);
		assertThat(mailing.kind()).isEqualTo(MailingKind.ON_PUBLISH);
		assertThat(mailing.count(DeliveryStatus.SENT)).isEqualTo(3);
		Map<String, List<MimeMessage>> received = byRecipient(greenMail.getReceivedMessages(), addresses(ids));
		assertThat(received).hasSize(3).allSatisfy((address, copies) -> assertThat(copies).hasSize(1));
		MimeMessage message = received.values().iterator().next().get(0);
		String raw = new String(message.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		assertThat(message.getHeader("Subject", null)).startsWith("=?UTF-8?");
		assertThat(message.getSubject()).isEqualTo(title);
		InternetAddress from = (InternetAddress) message.getFrom()[0];
		assertThat(from.getPersonal()).isEqualTo("UBND xã Hoằng Trung");
		assertThat(message.getHeader("From", null)).contains("=?UTF-8?");
		assertThat(message.getReplyTo()).containsExactly(from);
		InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getPersonal()).startsWith("Người đọc ");
		assertThat(message.getSentDate().toInstant())
			.isEqualTo(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		String deliveryMessageId = this.jdbc.queryForObject(
				"SELECT message_id FROM delivery WHERE mailing_id = ? AND address = ?", String.class, mailingId,
				to.getAddress());
		assertThat(message.getMessageID()).isEqualTo(deliveryMessageId).matches("<d\\d+\\.m\\d+\\.bantin@localhost>");
		assertThat(MimeUtility.unfold(message.getHeader("List-Id", null))).endsWith("<" + this.list + ".localhost>");
		String unsubscribe = MimeUtility.unfold(message.getHeader("List-Unsubscribe", null));
		assertThat(unsubscribe).matches("<https?://[^>]+>, <mailto:[^>]+>");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		String plain = (String) text.getContent();
		String page = (String) html.getContent();
		assertThat(plain)
			.contains(title, "Trạm y tế xã tổ chức tiêm chủng đợt bổ sung vào sáng thứ Bảy.",
					"http://localhost:8080/items/" + itemId, "UBND xã Hoằng Trung")
			.doesNotContain("**", "<");
		assertThat(page).contains(title, "<strong>đợt bổ sung</strong>", "href=\"http://localhost:8080/items/" + itemId,
				"style=", "name=\"viewport\"");
		assertThat(raw).doesNotContain("Thông báo");
	}

	@Test
	void aDigestGathersItsItemsIntoOneMailPerSubscriber() throws Exception {
		List<Long> ids = this.subscribers.confirmed(this.list, 2);
		String first = item("Kết quả cải cách hành chính quý IV", "Nội dung một.");
		String second = item("Hướng dẫn nộp hồ sơ trực tuyến", "Nội dung hai.");
		Instant occurrence = this.clock.instant();
		Publications.PublicationView one = publish(first, "ban-tin-tuan", occurrence);
		Publications.PublicationView two = publish(second, "ban-tin-tuan", occurrence);

		this.channel.publish(one);
		this.channel.publish(two);

		List<Long> made = this.jdbc.queryForList("SELECT id FROM mailing WHERE list_key = ?", Long.class, this.list);
		assertThat(made).hasSize(1);
		Mailings.MailingView mailing = completed(made.get(0));
		assertThat(mailing.kind()).isEqualTo(MailingKind.DIGEST);
		assertThat(mailing.itemIds()).containsExactly(first, second);
		assertThat(mailing.subject()).startsWith("Bản tin tuần — ");
		Map<String, List<MimeMessage>> received = byRecipient(greenMail.getReceivedMessages(), addresses(ids));
		assertThat(received).hasSize(2).allSatisfy((address, copies) -> {
			assertThat(copies).hasSize(1);
			try {
				MimeMultipart parts = (MimeMultipart) copies.get(0).getContent();
				assertThat((String) parts.getBodyPart(0).getContent()).contains("Kết quả cải cách hành chính quý IV",
						"Hướng dẫn nộp hồ sơ trực tuyến", "/items/" + first, "/items/" + second);
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
	}

	@Test
	void aPausedSendStopsUntilResumedAndThenEveryoneGetsOneCopy() throws Exception {
		List<Long> ids = this.subscribers.confirmed(this.list, 600);
		String itemId = item("Thông báo tạm dừng", "Nội dung.");
		long id = this.mailings.create(this.list, MailingKind.MANUAL, "manual:test-" + this.list, "Thông báo tạm dừng",
				List.of(itemId), "tester");
		this.mailings.pause(id);
		// the workers finish what they were handing over and give the rest back
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.mailings.mailing(id).orElseThrow().count(DeliveryStatus.SENDING) == 0);
		long sentWhilePaused = this.mailings.mailing(id).orElseThrow().sent();
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.mailings.mailing(id).orElseThrow().sent() == sentWhilePaused);

		assertThat(sentWhilePaused).isLessThan(600);
		assertThat(this.mailings.mailing(id).orElseThrow().status()).isEqualTo(MailingStatus.PAUSED);

		this.mailings.resume(id, "tester");
		Mailings.MailingView done = completed(id);
		assertThat(done.sent()).isEqualTo(600);
		assertThat(byRecipient(greenMail.getReceivedMessages(), addresses(ids))).hasSize(600)
			.allSatisfy((address, copies) -> assertThat(copies).hasSize(1));
	}

	@Test
	void smtpServerStoppedMidSendAndStartedAgainOnTheSamePortLeavesEveryRecipientExactlyOneCopy() throws Exception {
		List<Long> ids = this.subscribers.confirmed(this.list, 2000);
		Set<String> addresses = addresses(ids);
		String itemId = item("Thông báo mất điện", "Lịch cắt điện tuần tới.");
		long id = this.mailings.create(this.list, MailingKind.MANUAL, "manual:test-" + this.list, "Thông báo mất điện",
				List.of(itemId), "tester");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> byRecipient(greenMail.getReceivedMessages(), addresses).size() >= 500);
		// GreenMail's stop() swaps in an empty store: the messages the first server took,
		// up
		// to its very last one, stay in the store it had
		Managers firstStore = greenMail.getManagers();
		greenMail.stop();
		// the workers meet the stopped server (their sends are deferred) before it is
		// back
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mailings.mailing(id).orElseThrow().count(DeliveryStatus.RETRY) > 0);
		MimeMessage[] first = firstStore.getImapHostManager()
			.getAllMessages()
			.stream()
			.map(StoredMessage::getMimeMessage)
			.toArray(MimeMessage[]::new);
		greenMail = started();
		// let the retries' back-off pass
		Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
			this.clock.advance(Duration.ofMinutes(1));
			return this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED;
		});
		List<MimeMessage> all = new ArrayList<>(Arrays.asList(first));
		all.addAll(Arrays.asList(greenMail.getReceivedMessages()));
		Map<String, List<MimeMessage>> received = byRecipient(all.toArray(MimeMessage[]::new), addresses);

		Mailings.MailingView mailing = this.mailings.mailing(id).orElseThrow();
		assertThat(mailing.total()).isEqualTo(2000);
		assertThat(mailing.count(DeliveryStatus.FAILED)).isZero();
		List<String> uncertain = this.jdbc.queryForList(
				"SELECT address FROM delivery WHERE mailing_id = ? AND status = 'UNCERTAIN'", String.class, id);
		assertThat(mailing.sent() + uncertain.size()).isEqualTo(2000);
		for (String address : addresses) {
			int copies = received.getOrDefault(address, List.of()).size();
			if (uncertain.contains(address)) {
				assertThat(copies).as("uncertain %s", address).isLessThanOrEqualTo(1);
			}
			else {
				assertThat(copies).as("copies to %s", address).isEqualTo(1);
			}
		}
		// the uncertain ones are listed for the officer
		assertThat(this.mailings.deliveries(id, DeliveryStatus.UNCERTAIN, 0, 100).getTotalElements())
			.isEqualTo(uncertain.size());
	}

	@Test
	void theSendsPageShowsProgressCountsAndRecipientsAndPauses() throws Exception {
		this.subscribers.confirmed(this.list, 2);
		String itemId = item("Thông báo trang gửi thư", "Nội dung.");
		long id = this.mailings.create(this.list, MailingKind.MANUAL, "manual:test-" + this.list,
				"Thông báo trang gửi thư", List.of(itemId), "tester");
		completed(id);
		MockHttpSession editor = this.accounts.signedIn(Role.EDITOR);

		String list = this.mvc.perform(get("/admin/sends").session(editor).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("Thông báo trang gửi thư", "<progress", "Đã gửi 2/2", "Đã xong");
		String page = this.mvc.perform(get("/admin/sends/" + id).session(editor).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Đã gửi 2/2", "data-status=\"sent\">2<", "250");
		String failedOnly = this.mvc
			.perform(
					get("/admin/sends/" + id).param("status", "failed").session(editor).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(failedOnly).doesNotContain("@example.vn");

		this.mvc.perform(post("/admin/sends/" + id + "/retry-failed").session(editor).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/sends").session(this.accounts.signedIn(Role.OPERATOR)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiSendsAnApprovedItemNowAndReportsCountsAndDeliveries() throws Exception {
		String token = this.tokens.token(Role.APPROVER);
		this.subscribers.confirmed("truong-thon", 2);
		String itemId = this.items.published(this.clock.instant().minus(Duration.ofMinutes(5)),
				"Thông báo gửi ngay qua API " + counter.incrementAndGet(), "thu", Set.of(Channel.WEB, Channel.EMAIL));

		String created = this.mvc
			.perform(as(post("/api/lists/truong-thon/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemId\":\"" + itemId + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("manual"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
		completed(id);

		this.mvc.perform(as(get("/api/sends/" + id), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("completed"))
			.andExpect(jsonPath("$.counts.sent").isNumber())
			.andExpect(jsonPath("$.total").isNumber());
		this.mvc.perform(as(get("/api/sends/" + id + "/deliveries").param("status", "sent"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deliveries[0].status").value("sent"))
			.andExpect(jsonPath("$.deliveries[0].lastAnswer").isString());
		this.mvc.perform(as(post("/api/sends/" + id + "/retry-failed"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.retried").value(0));
		this.mvc
			.perform(as(post("/api/lists/truong-thon/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemId\":\"" + itemId + "\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(as(post("/api/lists/truong-thon/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemId\":\"" + itemId + "\",\"again\":true,\"reason\":\"Thêm trưởng thôn mới\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(as(post("/api/lists/khong-co/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemId\":\"" + itemId + "\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(as(post("/api/lists/truong-thon/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemId\":\"khong-co-ban-tin\"}"))
			.andExpect(status().isNotFound());
		String draft = this.testItems.submittedNews("Bản tin chưa duyệt " + counter.incrementAndGet(), List.of(),
				List.of(), vn.bantin.content.Priority.NORMAL, null, null, Set.of(Channel.WEB));
		this.mvc
			.perform(as(post("/api/lists/truong-thon/sends"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemId\":\"" + draft + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("not-approved"));
		this.mvc.perform(as(get("/api/sends/999999"), token)).andExpect(status().isNotFound());
		String docs = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(docs).contains("/api/lists/{list}/sends", "/api/sends/{id}", "/api/sends/{id}/deliveries",
				"/api/sends/{id}/retry-failed");
	}

}
