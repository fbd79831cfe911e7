package vn.bantin.mailing;

import vn.bantin.ScriptedSmtpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.subscription.TestSubscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the workers do with each answer of an SMTP server that answers as scripted: a 4xx
 * is retried after the back-off and then sent, a 5xx fails with the server's answer (and
 * "retry failed" sends it again), a recipient refused at RCPT fails and counts a bounce,
 * silence after the data makes the delivery uncertain and it is never sent again by
 * itself, until a person chooses to; the rate per second holds; rows a crash left are
 * recovered.
 */
@BantinWebTest
class MailingFailureTests {

	static final ScriptedSmtpServer server = new ScriptedSmtpServer();

	static final AtomicInteger counter = new AtomicInteger();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", server::port);
		registry.add("bantin.mailroom.read-timeout", () -> "1s");
		registry.add("bantin.mailing.rate-per-second", () -> 20);
		registry.add("bantin.mailing.max-attempts", () -> 3);
		registry.add("bantin.mailing.poll-interval", () -> "200ms");
		registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "mailing-failure-tests");
	}

	@Autowired
	Mailings mailings;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	TestSubscribers subscribers;

	@Autowired
	TestPublishedItems items;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	String list;

	@BeforeEach
	void answerOk() {
		server.mailAnswer = "250 2.1.0 Ok";
		server.recipientAnswer = "250 2.1.5 Ok";
		server.dataAnswer = "250 2.0.0 Ok: queued";
		this.list = "thu-loi-" + counter.incrementAndGet();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	long send(int recipients) {
		this.subscribers.confirmed(this.list, recipients);
		String item = this.items.published(this.clock.instant().minus(Duration.ofMinutes(5)), "Thông báo " + this.list,
				null, null, "Nội dung.", List.of(), List.of(), null, null);
		return this.mailings.create(this.list, MailingKind.MANUAL, "manual:" + this.list, "Thông báo " + this.list,
				List.of(item), "tester");
	}

	Mailings.DeliveryView only(long id) {
		return this.mailings.deliveries(id, null, 0, 10).getContent().get(0);
	}

	void awaitStatus(long id, DeliveryStatus status) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> only(id).status() == status);
	}

	@Test
	void aTemporaryFailureIsRetriedAfterTheBackOffAndThenSent() {
		server.dataAnswer = "451 4.3.0 Try again later";
		long id = send(1);
		awaitStatus(id, DeliveryStatus.RETRY);

		Mailings.DeliveryView retry = only(id);
		assertThat(retry.attempts()).isEqualTo(1);
		assertThat(retry.lastAnswer()).contains("451");
		assertThat(retry.nextAttemptAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(this.mailings.mailing(id).orElseThrow().status()).isEqualTo(MailingStatus.RUNNING);

		server.dataAnswer = "250 2.0.0 Ok: queued";
		this.clock.advance(Duration.ofSeconds(61));
		awaitStatus(id, DeliveryStatus.SENT);
		assertThat(only(id).attempts()).isEqualTo(2);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED);
	}

	@Test
	void aPermanentRefusalFailsWithTheServersAnswerAndRetryFailedSendsItAgain() {
		server.dataAnswer = "554 5.7.1 Message rejected as spam";
		long id = send(1);
		awaitStatus(id, DeliveryStatus.FAILED);

		assertThat(only(id).lastAnswer()).contains("554 5.7.1 Message rejected as spam");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED);

		server.dataAnswer = "250 2.0.0 Ok: queued";
		assertThat(this.mailings.retryFailed(id)).isEqualTo(1);
		awaitStatus(id, DeliveryStatus.SENT);
	}

	@Test
	void aRecipientRefusedAtRcptFailsAndCountsABounce() {
		server.recipientAnswer = "550 5.1.1 User unknown";
		long id = send(1);
		awaitStatus(id, DeliveryStatus.FAILED);

		Mailings.DeliveryView failed = only(id);
		assertThat(failed.lastAnswer()).contains("550 5.1.1");
		assertThat(this.jdbc.queryForObject("SELECT bounces FROM subscriber WHERE id = ?", Integer.class,
				failed.subscriberId()))
			.isEqualTo(1);
	}

	@Test
	void silenceAfterTheDataIsUncertainNeverResentByItselfAndSentAgainWhenAPersonChooses() throws Exception {
		server.dataAnswer = null;
		long id = send(1);
		awaitStatus(id, DeliveryStatus.UNCERTAIN);
		server.dataAnswer = "250 2.0.0 Ok: queued";
		this.clock.advance(Duration.ofHours(1));

		String address = only(id).address();
		// an hour later, and for as long as the workers poll, nothing is resent
		Awaitility.await()
			.during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> only(id).status() == DeliveryStatus.UNCERTAIN && copiesTo(address) == 0);
		assertThat(this.mailings.mailing(id).orElseThrow().status()).isEqualTo(MailingStatus.COMPLETED);

		assertThat(this.mailings.sendAgain(id, only(id).id())).isTrue();
		awaitStatus(id, DeliveryStatus.SENT);
		assertThat(copiesTo(address)).isEqualTo(1);
	}

	static long copiesTo(String address) {
		return server.received.stream().filter((data) -> data.contains("<" + address + ">")).count();
	}

	@Test
	void theRatePerSecondHoldsOverAWindow() throws Exception {
		long started = System.nanoTime();
		long id = send(60);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED);
		double seconds = (System.nanoTime() - started) / 1e9;

		// 20 per second, evenly spaced (RetriesAndPaceTests): 60 take at least about
		// three
		// seconds however fast the machine; a slow machine only makes it longer
		assertThat(seconds).isGreaterThan(2.5);
		assertThat(this.mailings.mailing(id).orElseThrow().sent()).isEqualTo(60);
	}

	@Test
	void handingTheSameOriginOverFromFourThreadsAtOnceMakesOneMailing() throws Exception {
		this.subscribers.confirmed(this.list, 5);
		String item = this.items.published(this.clock.instant().minus(Duration.ofMinutes(5)), "Thông báo " + this.list,
				null, null, "Nội dung.", List.of(), List.of(), null, null);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Long>> made = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				made.add(executor.submit(() -> {
					start.await();
					return this.mailings.create(this.list, MailingKind.ON_PUBLISH, "publication:test-" + this.list,
							"Thông báo", List.of(item), null);
				}));
			}
			start.countDown();
			java.util.Set<Long> ids = new java.util.HashSet<>();
			for (java.util.concurrent.Future<Long> id : made) {
				ids.add(id.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(ids).hasSize(1);
			long id = ids.iterator().next();
			assertThat(this.mailings.mailing(id).orElseThrow().total()).isEqualTo(5);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.mailings.mailing(id).orElseThrow().status() == MailingStatus.COMPLETED);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void recoveryAfterACrashPutsClaimedRowsBackAndMakesSendingRowsUncertain() {
		long id = send(0);
		this.jdbc.update(
				"INSERT INTO delivery (commune_id, mailing_id, subscriber_id, address, status, attempts, claimed_by, claimed_at)"
						+ " VALUES (1, ?, -1, 'claimed@example.vn', 'CLAIMED', 0, 'dead-node', ?)",
				id, MailingStore.at(this.clock.instant().minus(Duration.ofMinutes(10))));
		this.jdbc.update(
				"INSERT INTO delivery (commune_id, mailing_id, subscriber_id, address, status, attempts, claimed_by, claimed_at)"
						+ " VALUES (1, ?, -2, 'sending@example.vn', 'SENDING', 0, 'dead-node', ?)",
				id, MailingStore.at(this.clock.instant().minus(Duration.ofMinutes(10))));
		// the rows' mailing is paused so that the workers leave the recovered row alone
		this.jdbc.update("UPDATE mailing SET status = 'PAUSED' WHERE id = ?", id);

		int[] recovered = this.dispatcher.recover(Duration.ofMinutes(2));

		assertThat(recovered).containsExactly(1, 1);
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE address = 'claimed@example.vn'",
				String.class))
			.isEqualTo("PENDING");
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE address = 'sending@example.vn'",
				String.class))
			.isEqualTo("UNCERTAIN");
	}

	@Test
	void aLiveNodesRowsInFlightStayUntilTheirClaimIsStaleAndAGoneNodesAreRecoveredAtOnce() {
		long id = send(0);
		this.jdbc.update("INSERT INTO cluster_node (id, version, incarnation, started_at, heartbeat_at) "
				+ "VALUES ('other-live', 'test', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
		this.jdbc.update("INSERT INTO cluster_node (id, version, incarnation, started_at, heartbeat_at) VALUES "
				+ "('other-gone', 'test', 'b', CURRENT_TIMESTAMP - INTERVAL '1' HOUR, CURRENT_TIMESTAMP - INTERVAL '1' HOUR)");
		try {
			this.jdbc.update("INSERT INTO delivery (commune_id, mailing_id, subscriber_id, address, status, attempts, "
					+ "claimed_by, claimed_at) VALUES (1, ?, -3, 'live@example.vn', 'SENDING', 0, 'other-live/mail-0', "
					+ "CURRENT_TIMESTAMP)", id);
			this.jdbc.update("INSERT INTO delivery (commune_id, mailing_id, subscriber_id, address, status, attempts, "
					+ "claimed_by, claimed_at) VALUES (1, ?, -4, 'gone@example.vn', 'SENDING', 0, 'other-gone/mail-0', "
					+ "CURRENT_TIMESTAMP)", id);
			this.jdbc.update("UPDATE mailing SET status = 'PAUSED' WHERE id = ?", id);
			// the domain's clock says nothing about claims
			this.clock.advance(Duration.ofHours(1));

			assertThat(this.dispatcher.recover(Duration.ofMinutes(1), true)).as("a node starting")
				.containsExactly(0, 1);
			assertThat(statusOf("gone@example.vn")).isEqualTo("UNCERTAIN");
			assertThat(statusOf("live@example.vn")).as("in flight on a live node").isEqualTo("SENDING");

			this.jdbc.update("UPDATE delivery SET claimed_at = CURRENT_TIMESTAMP - INTERVAL '2' MINUTE "
					+ "WHERE address = 'live@example.vn'");
			assertThat(this.dispatcher.recover(Duration.ofMinutes(1))).containsExactly(0, 1);
			assertThat(statusOf("live@example.vn")).as("stuck for longer than stale-after").isEqualTo("UNCERTAIN");
		}
		finally {
			this.jdbc.update("DELETE FROM cluster_node WHERE id IN ('other-live', 'other-gone')");
		}
	}

	private String statusOf(String address) {
		return this.jdbc.queryForObject("SELECT status FROM delivery WHERE address = ?", String.class, address);
	}

}
