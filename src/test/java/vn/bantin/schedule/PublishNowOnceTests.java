package vn.bantin.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.TestPorts;
import vn.bantin.account.Role;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.bantin.account.TestApiTokens.as;

/**
 * Issue 13, point 17: "publish now" never repeats a channel and target that already carry
 * the item. The sample timetable mails the officials' list ({@code can-bo-cong-chuc}) on
 * publish and the residents' list ({@code nguoi-dan-cchc}) in a weekly digest, so an item
 * on the web and by email is released on approval to the web and the officials' list;
 * "publish now" then adds only the residents' list, and says so on the page and in the
 * API. Pressed twice, or at the same moment as the release and on two nodes (threads with
 * transactions of their own, fifty times over), it records one publication per channel
 * and target, and every recipient gets exactly one letter from a real SMTP server.
 */
@BantinWebTest
class PublishNowOnceTests {

	static final String OFFICIALS = "can-bo-cong-chuc";

	static final String RESIDENTS = "nguoi-dan-cchc";

	static final int PORT = TestPorts.free();

	static final GreenMail SMTP = started();

	static final AtomicInteger counter = new AtomicInteger();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("bantin.mailing.rate-per-second", () -> 0);
		registry.add("bantin.mailing.poll-interval", () -> "100ms");
		registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "publish-now-once-tests");
	}

	@Autowired
	TestItems items;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	TestApiTokens tokens;

	@Autowired
	Broadcast broadcast;

	@Autowired
	DueReleases releases;

	@Autowired
	EngineTriggers triggers;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	List<String> officials;

	List<String> residents;

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
	void subscribersAndATimeWithASubSecondPart() {
		// Monday 3 March 2025, 08:00:00.395513 in Vietnam: the weekly digest is six days
		// and 23 hours away
		this.clock.set(Instant.parse("2025-03-03T01:00:00.395513Z"));
		this.officials = addresses(this.subscribers.confirmed(OFFICIALS, 3));
		this.residents = addresses(this.subscribers.confirmed(RESIDENTS, 2));
	}

	@Test
	void approvedThenPublishedNowTheItemGoesOutOncePerChannelAndTargetAndTheOfficialsGetOneLetter() throws Exception {
		String title = "Thông báo lịch tiếp công dân tháng 3 " + counter.incrementAndGet();
		String id = this.items.submittedNews(title, List.of(), List.of(), Priority.NORMAL, null, null,
				Set.of(Channel.WEB, Channel.EMAIL));
		Instant approval = this.clock.instant();
		this.items.approve(id);
		// the on-publish slots record the web and the officials' list at the approval
		// instant
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT COUNT(*) FROM publication WHERE item_id = ? AND status = 'PUBLISHED'", id) == 2);
		this.clock.advance(Duration.ofSeconds(90));

		this.mvc.perform(post("/admin/items/{id}/publish-now", id).with(user("duyet").roles("APPROVER")).with(csrf()))
			.andExpect(flash().attribute("notice", "engine.publish-now.done"))
			.andExpect(flash().attribute("publishedNow", contains(startsWith("email → " + RESIDENTS + " · "))))
			.andExpect(flash().attribute("alreadyPublished",
					containsInAnyOrder(startsWith("web → * · "), startsWith("email → " + OFFICIALS + " · "))));
		String token = this.tokens.token(Role.APPROVER);
		this.mvc.perform(as(post("/api/items/{id}/publish-now", id), token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[*].outcome", everyItem(is("already-done"))))
			.andExpect(jsonPath("$[*].channel", containsInAnyOrder("web", "email", "email")));
		this.mvc.perform(post("/admin/items/{id}/publish-now", id).with(user("duyet").roles("APPROVER")).with(csrf()))
			.andExpect(flash().attribute("notice", "engine.publish-now.nothing-new"))
			.andExpect(flash().attribute("publishedNow", List.of()));

		assertThat(perChannelAndTarget(id)).containsOnly(Map.entry("WEB *", 1L), Map.entry("EMAIL " + OFFICIALS, 1L),
				Map.entry("EMAIL " + RESIDENTS, 1L));
		assertThat(this.jdbc
			.queryForObject("SELECT occurrence FROM publication WHERE item_id = ? AND channel = 'WEB'",
					java.time.OffsetDateTime.class, id)
			.toInstant()).isEqualTo(approval);
		// the history shows it once per channel and target
		this.mvc.perform(as(get("/api/publications").param("item", id).param("channel", "web"), token))
			.andExpect(jsonPath("$.totalElements").value(1));
		String history = this.mvc
			.perform(get("/admin/publications").param("item", id).with(user("duyet").roles("APPROVER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(history.split("<tr class=\"status-", -1)).hasSize(4);

		assertOneLetterEach(id, title);
	}

	@Test
	void publishNowPressedTwiceAddsNothingTheSecondTimeAndSaysSo() throws Exception {
		String title = "Thông báo phát ngay hai lần " + counter.incrementAndGet();
		// released next week: only "publish now" puts it out today
		String id = this.items.approvedNews(title, List.of(), List.of(), Priority.NORMAL,
				Instant.parse("2025-03-10T01:00:00Z"), null, Set.of(Channel.WEB, Channel.EMAIL));
		String token = this.tokens.token(Role.APPROVER);

		String first = this.mvc.perform(as(post("/api/items/{id}/publish-now", id), token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[*].outcome", everyItem(is("added"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.clock.advance(Duration.ofMillis(1500));
		String second = this.mvc.perform(as(post("/api/items/{id}/publish-now", id), token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$[*].outcome", everyItem(is("already-done"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> firstIds = com.jayway.jsonpath.JsonPath.read(first, "$[*].id");
		List<Integer> secondIds = com.jayway.jsonpath.JsonPath.read(second, "$[*].id");
		assertThat(secondIds).containsExactlyInAnyOrderElementsOf(firstIds);
		this.clock.advance(Duration.ofMinutes(3));
		this.mvc.perform(post("/admin/items/{id}/publish-now", id).with(user("duyet").roles("APPROVER")).with(csrf()))
			.andExpect(flash().attribute("notice", "engine.publish-now.nothing-new"))
			.andExpect(flash().attribute("alreadyPublished", containsInAnyOrder(startsWith("web → * · "),
					startsWith("email → " + OFFICIALS + " · "), startsWith("email → " + RESIDENTS + " · "))));

		assertThat(perChannelAndTarget(id)).containsOnly(Map.entry("WEB *", 1L), Map.entry("EMAIL " + OFFICIALS, 1L),
				Map.entry("EMAIL " + RESIDENTS, 1L));
		assertOneLetterEach(id, title);
	}

	@Test
	void publishNowOnTwoNodesRacingTheReleaseRecordsOncePerChannelAndTargetAndMailsEachRecipientOnceFiftyTimes()
			throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(3);
		try {
			for (int round = 0; round < 50; round++) {
				this.clock.set(Instant.parse("2025-03-03T01:00:00.395513Z").plusSeconds(10L * round));
				String title = "Thông báo khẩn về lịch cắt điện " + counter.incrementAndGet();
				String id = this.items.submittedNews(title, List.of(), List.of(), Priority.NORMAL, null, null,
						Set.of(Channel.WEB, Channel.EMAIL));
				// the approval sets the release trigger, which Quartz fires on its own
				// thread;
				// at the same moment two nodes press "publish now" and a third runs the
				// due
				// releases
				this.items.approve(id);
				CountDownLatch start = new CountDownLatch(1);
				List<Callable<Object>> racers = List.of(() -> {
					start.await();
					return this.broadcast.publishNow(id, "node-1");
				}, () -> {
					start.await();
					return this.broadcast.publishNow(id, "node-2");
				}, () -> {
					start.await();
					return this.releases.releaseNow();
				});
				List<Future<Object>> results = new ArrayList<>();
				for (Callable<Object> racer : racers) {
					results.add(nodes.submit(racer));
				}
				start.countDown();
				for (Future<Object> result : results) {
					result.get(30, TimeUnit.SECONDS);
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> this.triggers.planned(EngineTriggers.RELEASES, id).isEmpty());

				assertThat(perChannelAndTarget(id)).as("round %d", round)
					.containsOnly(Map.entry("WEB *", 1L), Map.entry("EMAIL " + OFFICIALS, 1L),
							Map.entry("EMAIL " + RESIDENTS, 1L));
				assertOneLetterEach(id, title);
			}
		}
		finally {
			nodes.shutdownNow();
		}
	}

	/**
	 * Waits for the item's mailings to complete, then checks that each subscriber of both
	 * lists got exactly one letter with its title.
	 */
	void assertOneLetterEach(String id, String title) throws Exception {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("SELECT COUNT(*) FROM mailing m JOIN mailing_item i ON i.mailing_id = m.id"
					+ " WHERE i.item_id = ? AND m.status = 'COMPLETED'", id) == 2);
		assertThat(count("SELECT COUNT(*) FROM mailing_item WHERE item_id = ?", id)).isEqualTo(2);
		Map<String, Integer> letters = new HashMap<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (!title.equals(message.getSubject())) {
				continue;
			}
			for (Address to : message.getRecipients(Message.RecipientType.TO)) {
				letters.merge(((InternetAddress) to).getAddress(), 1, Integer::sum);
			}
		}
		for (String address : this.officials) {
			assertThat(letters.get(address)).as("letters to %s", address).isEqualTo(1);
		}
		for (String address : this.residents) {
			assertThat(letters.get(address)).as("letters to %s", address).isEqualTo(1);
		}
	}

	Map<String, Long> perChannelAndTarget(String id) {
		Map<String, Long> rows = new HashMap<>();
		this.jdbc.query(
				"SELECT channel, target, COUNT(*) AS n FROM publication WHERE item_id = ? GROUP BY channel, target",
				(java.sql.ResultSet rs) -> {
					rows.put(rs.getString("channel") + " " + rs.getString("target"), rs.getLong("n"));
				}, id);
		return rows;
	}

	long count(String sql, String id) {
		Long count = this.jdbc.queryForObject(sql, Long.class, id);
		return (count != null) ? count : 0;
	}

	List<String> addresses(List<Long> ids) {
		return this.jdbc.queryForList("SELECT address FROM subscriber WHERE id IN ("
				+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")", String.class);
	}

}
