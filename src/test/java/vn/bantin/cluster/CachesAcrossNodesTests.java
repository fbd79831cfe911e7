package vn.bantin.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.ChildApi;
import vn.bantin.ChildApplication;
import vn.bantin.EmbeddedPostgresSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real nodes (child JVMs) on one PostgreSQL: what a node keeps in memory follows a
 * change made on the other within 2 s, and each sees the other in the membership table,
 * which marks a killed node gone after the node timeout.
 */
class CachesAcrossNodesTests {

	private static final String PASSWORD = "cluster-test-password";

	@Test
	void anEmailListCreatedOnOneNodeIsListedByTheOtherWithinTwoSecondsAndAKilledNodeIsMarkedGone(@TempDir Path dir)
			throws Exception {
		String database = EmbeddedPostgresSupport.newDatabase();
		try (ChildApplication one = node(dir, "node-1", database);
				ChildApplication two = node(dir, "node-2", database)) {
			String token = token(one);
			for (int round = 0; round < 5; round++) {
				String key = "danh-sach-" + round;
				long before = System.nanoTime();
				String created = call(one, token, "POST", "/api/lists",
						"{\"key\":\"" + key + "\",\"name\":\"Thôn Đông Hòa " + round + "\",\"public\":false}");
				assertThat(created).contains(key);
				await().atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> JsonPath.<List<String>>read(call(two, token, "GET", "/api/lists", null), "$[*].key")
						.contains(key));
				Duration seen = Duration.ofNanos(System.nanoTime() - before);
				assertThat(seen).as("round %d: time until node 2 listed it", round)
					.isLessThanOrEqualTo(Duration.ofSeconds(2));
			}
			assertThat(alive(database)).containsExactlyInAnyOrder("node-1", "node-2");

			one.kill();
			// gone after the node timeout (3 s) by the database's clock
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !alive(database).contains("node-1"));
			assertThat(alive(database)).containsExactly("node-2");
		}
	}

	private ChildApplication node(Path dir, String name, String database) throws Exception {
		List<String> arguments = new ArrayList<>(
				List.of("--bantin.data-dir=" + dir.resolve(name), "--bantin.account.initial-admin-password=" + PASSWORD,
						"--bantin.node-id=" + name, "--bantin.cluster.node-timeout=3s", "--logging.level.root=WARN"));
		arguments.addAll(List.of(EmbeddedPostgresSupport.applicationArguments(database)));
		return ChildApplication.start(dir.resolve("logs-" + name), Duration.ofMinutes(3),
				arguments.toArray(String[]::new));
	}

	/** The nodes the membership table says are alive, by the database's clock. */
	private static List<String> alive(String database) throws Exception {
		try (Connection connection = DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(database));
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id FROM cluster_node WHERE stopped_at IS NULL "
						+ "AND heartbeat_at >= CURRENT_TIMESTAMP - INTERVAL '3 seconds' ORDER BY id")) {
			List<String> alive = new ArrayList<>();
			while (rows.next()) {
				alive.add(rows.getString(1));
			}
			return alive;
		}
	}

	private String token(ChildApplication application) throws IOException, InterruptedException {
		return ChildApi.token(application, PASSWORD, "cluster test");
	}

	private String call(ChildApplication application, String token, String method, String path, String json)
			throws IOException, InterruptedException {
		return ChildApi.call(application, token, method, path, json);
	}

}
