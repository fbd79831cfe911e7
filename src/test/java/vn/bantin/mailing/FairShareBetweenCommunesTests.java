package vn.bantin.mailing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.bantin.AllCommunes;
import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.TestPorts;
import vn.bantin.commune.Communes;
import vn.bantin.content.Channel;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.system.CurrentCommune;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a fair share of the province's one relay between communes sending at once. A
 * commune sends to 2,000 residents and, once its first letter is out, another commune
 * sends to 20; the workers take the communes in turns, so the small send is through long
 * before the big one ends, and every resident of both gets exactly one letter. The
 * letters really go out to GreenMail, whose arrival order is recorded as each letter is
 * taken in.
 *
 * <p>
 * A context of its own: a province host makes the deployment a province of many, which
 * the shared context must not become, and the relay's rate (200 a second) makes the big
 * send last ten seconds at least. GreenMail logs no new mailbox (one per letter here).
 */
@BantinWebTest
@TestPropertySource(properties = { "bantin.province.host=tinh-cong-bang.example.vn",
		"bantin.mailing.rate-per-second=" + FairShareBetweenCommunesTests.RATE, "bantin.mailing.poll-interval=200ms",
		"logging.level.com.icegreen.greenmail=WARN" })
class FairShareBetweenCommunesTests {

	static final int RATE = 200;

	static final int BIG = 2000;

	static final int SMALL = 20;

	static final String LIST = "thu-cong-bang";

	/**
	 * Letters that may reach the relay between queueing the small send and its last
	 * letter: the batches both workers hold (2 × 50), the small send's 20, and a batch of
	 * the big send on the other worker meanwhile, with room to spare.
	 */
	static final int FEW_BATCHES = 250;

	private static final Logger log = LoggerFactory.getLogger(FairShareBetweenCommunesTests.class);

	static final int PORT = TestPorts.free();

	/** The recipients' addresses in the order their letters reached the server. */
	static final ConcurrentLinkedQueue<String> arrivals = new ConcurrentLinkedQueue<>();

	static final GreenMail greenMail = started();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	Communes communes;

	@Autowired
	Mailings mailings;

	@Autowired
	TestPublishedItems items;

	@Autowired
	MutableClock clock;

	JdbcTemplate jdbc;

	@Autowired
	void jdbc(DataSource dataSource) {
		this.jdbc = AllCommunes.jdbc(dataSource);
	}

	static GreenMail started() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		MessageDeliveryHandler delivering = server.getUserManager().getMessageDeliveryHandler();
		server.getUserManager().setMessageDeliveryHandler((message, address) -> {
			arrivals.add(address.getEmail());
			return delivering.handle(message, address);
		});
		return server;
	}

	@AfterAll
	static void stopServer() {
		greenMail.stop();
	}

	@Test
	void aSmallSendOfOneCommuneIsThroughLongBeforeABigSendOfAnotherAlreadyUnderWayAndEachResidentGetsOneLetter() {
		CurrentCommune.Scope big = commune("xa-lon");
		CurrentCommune.Scope small = commune("xa-nho");
		List<String> residentsOfBig = residents(big, "lon", BIG);
		List<String> residentsOfSmall = residents(small, "nho", SMALL);
		String itemOfBig = item(big, "Lịch tiêm chủng mở rộng của xã Lớn");
		String itemOfSmall = item(small, "Thông báo cắt điện của xã Nhỏ");

		long started = System.nanoTime();
		long bigSend = CurrentCommune.call(big, () -> this.mailings.create(LIST, MailingKind.MANUAL, "cong-bang-lon",
				"Lịch tiêm chủng", List.of(itemOfBig), "tester"));
		// the big send is under way (the workers hold batches of it) when the small one
		// is queued
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !arrivals.isEmpty());
		int queuedAfter = arrivals.size();
		long smallSend = CurrentCommune.call(small, () -> this.mailings.create(LIST, MailingKind.MANUAL,
				"cong-bang-nho", "Cắt điện", List.of(itemOfSmall), "tester"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> arrivals.size() >= BIG + SMALL && completed(big, bigSend) && completed(small, smallSend));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		List<String> order = new ArrayList<>(arrivals);
		Set<String> ofSmall = new HashSet<>(residentsOfSmall);
		int lastOfSmall = 0;
		int firstOfSmall = 0;
		for (int position = 1; position <= order.size(); position++) {
			if (ofSmall.contains(order.get(position - 1))) {
				lastOfSmall = position;
				firstOfSmall = (firstOfSmall == 0) ? position : firstOfSmall;
			}
		}
		log.info(
				"Fair share: {} letters in {} ms; the small send, queued after letter {}, arrived at positions {} to {}",
				order.size(), took.toMillis(), queuedAfter, firstOfSmall, lastOfSmall);
		// the small send waits for the batches of the big one the workers already hold
		// (a batch of 50 each) and shares the relay with it, not for all of it: its last
		// letter comes within a few batches of its queueing, among the first quarter of
		// all letters
		assertThat(firstOfSmall).as("position of the small send's first letter").isGreaterThan(queuedAfter);
		assertThat(lastOfSmall - queuedAfter).as("letters between queueing the small send and its last letter")
			.isLessThanOrEqualTo(FEW_BATCHES);
		assertThat(lastOfSmall).as("position of the small send's last letter among %d", order.size())
			.isLessThanOrEqualTo((BIG + SMALL) / 4);
		// every resident of both communes exactly one letter, nobody else any
		Map<String, Integer> letters = new HashMap<>();
		order.forEach((address) -> letters.merge(address, 1, Integer::sum));
		Set<String> everyone = new HashSet<>(residentsOfBig);
		everyone.addAll(residentsOfSmall);
		assertThat(order).hasSize(BIG + SMALL);
		assertThat(letters.keySet()).isEqualTo(everyone);
		assertThat(letters.values()).containsOnly(1);
		assertThat(CurrentCommune.call(big, () -> this.mailings.mailing(bigSend).orElseThrow().sent())).isEqualTo(BIG);
		assertThat(CurrentCommune.call(small, () -> this.mailings.mailing(smallSend).orElseThrow().sent()))
			.isEqualTo(SMALL);
	}

	private boolean completed(CurrentCommune.Scope commune, long mailing) {
		return CurrentCommune.call(commune,
				() -> this.mailings.mailing(mailing).orElseThrow().status() == MailingStatus.COMPLETED);
	}

	private CurrentCommune.Scope commune(String key) {
		return this.communes.scope(key).orElseGet(() -> {
			this.communes.create(key, "UBND xã " + key, List.of(key + ".example.vn"), null);
			return this.communes.scope(key).orElseThrow();
		});
	}

	/** An item of the commune approved and published, going out by email. */
	private String item(CurrentCommune.Scope commune, String title) {
		Instant at = this.clock.instant().minusSeconds(60);
		return CurrentCommune.call(commune,
				() -> this.items.published(at, title, "cong-bang", Set.of(Channel.WEB, Channel.EMAIL)));
	}

	/**
	 * This many confirmed subscribers of the commune on {@link #LIST} (the same list key
	 * in every commune), written straight into its rows.
	 * @return their addresses
	 */
	private List<String> residents(CurrentCommune.Scope commune, String prefix, int count) {
		String tag = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> addresses = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			String address = tag + n + "@" + commune.key() + ".example.vn";
			addresses.add(address);
			rows.add(new Object[] { commune.id(), address, address, "Người dân " + n, now, now, now });
		}
		this.jdbc.batchUpdate("INSERT INTO subscriber (commune_id, address, address_key, name, village, status,"
				+ " consent_source, consent_at, created_at, confirmed_at)"
				+ " VALUES (?, ?, ?, ?, 'Thôn 1', 'CONFIRMED', 'test', ?, ?, ?)", rows);
		this.jdbc.update(
				"INSERT INTO subscription (commune_id, subscriber_id, list_key, source, created_at)"
						+ " SELECT commune_id, id, ?, 'test', ? FROM subscriber WHERE address_key LIKE ?",
				LIST, now, tag + "%");
		return addresses;
	}

}
