package vn.bantin.mailing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.ChildApi;
import vn.bantin.ChildApplication;
import vn.bantin.EmbeddedPostgresSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test of issue 16 for mail: two nodes (processes of their own) share one
 * PostgreSQL database and send the same sends; node 1 is killed (SIGKILL) in the middle
 * of each of three sends to 2,000 recipients, at 20 %, 50 % and 80 % of it, and started
 * again as a fresh process for the next. Node 2 finishes every send: on the SMTP server
 * (GreenMail) no recipient has two copies of a send, every recipient without a copy is
 * {@code uncertain} through the API, and nothing is left pending, claimed or sending.
 *
 * <p>
 * A node is gone after {@code bantin.cluster.node-timeout} (3 s here) without a
 * heartbeat; node 2 then takes its claimed rows back and makes its rows in the middle of
 * a send uncertain. Claims are judged by the database's clock.
 */
class SendAcrossNodesTests {

	private static final int RECIPIENTS = 2_000;

	private static final String PASSWORD = "cluster-test-password";

	private static final String LIST = "thu-nghiem-hai-may";

	/** Where in each send node 1 is killed, in per cent of its letters on the server. */
	private static final int[] KILL_AT_PERCENT = { 20, 50, 80 };

	private static final Pattern MAILING_OF_MESSAGE = Pattern.compile("^<d\\d+\\.m(\\d+)\\.");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Test
	void nodeTwoFinishesEverySendWithoutASecondCopyWhenNodeOneIsKilledAtThreePoints(@TempDir Path folder)
			throws Exception {
		String database = EmbeddedPostgresSupport.newDatabase();
		List<String> common = new ArrayList<>(List.of("--bantin.account.initial-admin-password=" + PASSWORD,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--bantin.mailing.rate-per-second=150", "--bantin.mailing.rate-per-hour=0",
				"--bantin.mailing.batch-size=20", "--bantin.mailing.stale-after=10s",
				"--bantin.cluster.node-timeout=3s", "--logging.level.root=WARN"));
		common.addAll(List.of(EmbeddedPostgresSupport.applicationArguments(database)));
		String[] node1 = arguments(common, "node-1", folder);
		String[] node2 = arguments(common, "node-2", folder);

		ChildApplication first = ChildApplication.start(folder.resolve("logs"), Duration.ofMinutes(2), node1);
		try (ChildApplication second = ChildApplication.start(folder.resolve("logs"), Duration.ofMinutes(2), node2)) {
			String token = token(first);
			call(first, token, "POST", "/api/lists",
					"{\"key\":\"" + LIST + "\",\"name\":\"Thử hai máy\",\"public\":false}");
			addRecipients(first, token);
			String item = JsonPath.read(call(second, token, "GET", "/api/items?status=published&size=1", null),
					"$.items[0].id");
			int heldAtKills = 0;
			for (int round = 0; round < KILL_AT_PERCENT.length; round++) {
				if (round > 0) {
					// node 1 again, as a fresh process under its name
					first = ChildApplication.start(folder.resolve("logs"), Duration.ofMinutes(2), node1);
				}
				int before = received();
				String again = (round == 0) ? "" : ",\"again\":true,\"reason\":\"lần thử " + (round + 1) + "\"";
				// through node 1, which made the list: lists live in its timetable file
				long send = ((Number) JsonPath.read(call(first, token, "POST", "/api/lists/" + LIST + "/sends",
						"{\"itemId\":\"" + item + "\"" + again + "}"), "$.id"))
					.longValue();
				int killAfter = before + RECIPIENTS * KILL_AT_PERCENT[round] / 100;
				waiting().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> received() >= killAfter);
				first.kill();
				heldAtKills += heldBy(database, send, "node-1/");

				ChildApplication survivor = second;
				waiting().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> "completed"
						.equals(JsonPath.read(call(survivor, token, "GET", "/api/sends/" + send, null), "$.status")));
				checkEveryRecipient(second, token, send, KILL_AT_PERCENT[round]);
			}
			assertThat(heldAtKills).as("node 1 held rows of the send when it was killed").isPositive();
		}
		finally {
			first.kill();
		}
	}

	private static String[] arguments(List<String> common, String node, Path folder) {
		List<String> arguments = new ArrayList<>(common);
		arguments.add("--bantin.node-id=" + node);
		arguments.add("--bantin.data-dir=" + folder.resolve(node));
		return arguments.toArray(String[]::new);
	}

	/**
	 * Every recipient of the send has exactly one copy (sent) or at most one (uncertain),
	 * nobody has two, nothing is left open, and only letters in flight at the kill (one
	 * per worker of node 1) are uncertain.
	 */
	private void checkEveryRecipient(ChildApplication node, String token, long send, int killedAt) throws Exception {
		Map<String, String> statusByAddress = new HashMap<>();
		for (int page = 0; page * 500 < RECIPIENTS; page++) {
			String json = call(node, token, "GET", "/api/sends/" + send + "/deliveries?size=500&page=" + page, null);
			List<String> addresses = JsonPath.read(json, "$.deliveries[*].address");
			List<String> statuses = JsonPath.read(json, "$.deliveries[*].status");
			for (int i = 0; i < addresses.size(); i++) {
				statusByAddress.put(addresses.get(i), statuses.get(i));
			}
		}
		Map<String, Integer> copies = copiesOf(send);
		String at = "send " + send + ", node 1 killed at " + killedAt + " %: ";
		assertThat(statusByAddress).as(at + "recipients").hasSize(RECIPIENTS);
		assertThat(statusByAddress.values()).as(at + "every delivery ended sent or uncertain")
			.allMatch((status) -> status.equals("sent") || status.equals("uncertain"));
		assertThat(copies.values()).as(at + "copies per recipient").allMatch((n) -> n == 1);
		statusByAddress.forEach((address, status) -> {
			if (status.equals("sent")) {
				assertThat(copies.getOrDefault(address, 0)).as(at + "copies of a sent delivery to " + address)
					.isEqualTo(1);
			}
		});
		assertThat(statusByAddress.values().stream().filter("uncertain"::equals).count())
			.as(at + "only letters in flight on node 1 at the kill are uncertain")
			.isLessThanOrEqualTo(2L);
		assertThat(copies.keySet()).as(at + "nobody else got mail").isSubsetOf(statusByAddress.keySet());
	}

	/** The copies of one send's letter on the server, by recipient. */
	private static Map<String, Integer> copiesOf(long send) throws Exception {
		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			Matcher matcher = MAILING_OF_MESSAGE.matcher(String.valueOf(message.getMessageID()));
			if (!matcher.find() || Long.parseLong(matcher.group(1)) != send) {
				continue;
			}
			for (var to : message.getRecipients(Message.RecipientType.TO)) {
				copies.merge(((InternetAddress) to).getAddress(), 1, Integer::sum);
			}
		}
		return copies;
	}

	/** How many of the send's rows a node's workers held (claimed or sending). */
	private static int heldBy(String database, long send, String workerPrefix) throws SQLException {
		try (Connection connection = DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(database));
				PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM delivery "
						+ "WHERE mailing_id = ? AND status IN ('CLAIMED', 'SENDING') AND claimed_by LIKE ?")) {
			statement.setLong(1, send);
			statement.setString(2, workerPrefix + "%");
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private void addRecipients(ChildApplication node, String token) throws Exception {
		ExecutorService adding = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> added = new ArrayList<>();
			for (int i = 0; i < RECIPIENTS; i++) {
				String person = "{\"address\":\"nguoi-" + i + "@example.test\",\"name\":\"Người nhận " + i
						+ "\",\"consent\":true}";
				added
					.add(adding.submit(() -> call(node, token, "POST", "/api/lists/" + LIST + "/subscribers", person)));
			}
			for (Future<String> add : added) {
				add.get();
			}
		}
		finally {
			adding.shutdownNow();
		}
	}

	/**
	 * Awaitility without failing on other threads' uncaught exceptions: a kill in the
	 * middle of an SMTP conversation kills GreenMail's handler thread with "Connection
	 * reset", which is what a kill does (see {@code SendAfterAbruptStopTests}).
	 */
	private static ConditionFactory waiting() {
		return await().dontCatchUncaughtExceptions();
	}

	private static int received() {
		return smtp.getReceivedMessages().length;
	}

	private String token(ChildApplication application) throws IOException, InterruptedException {
		return ChildApi.token(application, PASSWORD, "cluster test");
	}

	private String call(ChildApplication application, String token, String method, String path, String json)
			throws IOException, InterruptedException {
		return ChildApi.call(application, token, method, path, json);
	}

}
