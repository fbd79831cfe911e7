package vn.bantin.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.ChildApi;
import vn.bantin.ChildApplication;
import vn.bantin.EmbeddedPostgresSupport;
import vn.bantin.system.Secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test of issue 16 for audio: two nodes (processes of their own) share one
 * PostgreSQL database and one audio folder; a long recording is uploaded through node 1,
 * and the node whose worker processes it is killed (SIGKILL) in the middle of its work
 * (node 1 as a rule: it is woken by its own upload). The other node takes the processing
 * over once the first is seen gone and finishes it: one row for it, ready once; its
 * broadcast copy is whole (ffmpeg decodes it to the end, its SHA-256 is the row's), and
 * neither node left a temporary file or folder behind.
 */
class AudioAcrossNodesTests {

	private static final String PASSWORD = "cluster-audio-password";

	/** Long enough that the killed node is surely in the middle of it. */
	private static final int SECONDS = 900;

	private static final String NAME = "ban-tin-dai.mp3";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theOtherNodeFinishesAProcessingWhoseNodeWasKilledOnceAndWhole(@TempDir Path folder) throws Exception {
		Path recording = GivenRecordings.tone(folder.resolve("upload").resolve(NAME), SECONDS, 440);
		Path audio = folder.resolve("audio");
		String database = EmbeddedPostgresSupport.newDatabase();
		List<String> common = new ArrayList<>(List.of("--bantin.account.initial-admin-password=" + PASSWORD,
				"--bantin.radio.audio-dir=" + audio, "--bantin.radio.workers=1", "--bantin.radio.stale-after=10s",
				"--bantin.cluster.node-timeout=3s", "--logging.level.root=WARN"));
		common.addAll(List.of(EmbeddedPostgresSupport.applicationArguments(database)));

		ChildApplication first = ChildApplication.start(folder.resolve("logs"), Duration.ofMinutes(2),
				arguments(common, "node-1", folder));
		ChildApplication second = null;
		try {
			second = ChildApplication.start(folder.resolve("logs"), Duration.ofMinutes(2),
					arguments(common, "node-2", folder));
			String token = token(first);
			String item = JsonPath.read(call(first, token, "GET", "/api/items?status=published&size=1"),
					"$.items[0].id");
			long id = ((Number) JsonPath.read(upload(first, token, item, recording), "$.id")).longValue();

			// the node working on it is killed once it is well into it
			String[] holder = new String[1];
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
				Map<String, Object> row = row(database, id);
				holder[0] = (String) row.get("claimed_by");
				return "PROCESSING".equals(row.get("status")) && ((Number) row.get("progress")).intValue() >= 15;
			});
			boolean firstHeldIt = holder[0].startsWith("node-1/");
			ChildApplication killed = firstHeldIt ? first : second;
			ChildApplication survivor = firstHeldIt ? second : first;
			killed.kill();
			String survivorName = firstHeldIt ? "node-2/" : "node-1/";

			String json = await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> call(survivor, token, "GET", "/api/audio/" + id),
						(answer) -> !List.of("queued", "processing").contains(JsonPath.read(answer, "$.status")));
			assertThat((String) JsonPath.read(json, "$.status")).as(json).isEqualTo("ready");
			assertThat(((Number) JsonPath.read(json, "$.after.duration")).doubleValue())
				.as("the whole recording, taken over from " + holder[0])
				.isGreaterThan(SECONDS - 10);

			Map<String, Object> row = row(database, id);
			assertThat(row.get("claimed_by")).as("finished: nobody's").isNull();
			assertThat(count(database, "SELECT COUNT(*) FROM radio_audio WHERE original_name = ?", NAME))
				.as("one processing for the upload")
				.isEqualTo(1);
			assertThat(count(database, "SELECT COUNT(*) FROM radio_audio WHERE original_name = ? AND status = 'READY'",
					NAME))
				.isEqualTo(1);
			Path broadcast = audio.resolve((String) row.get("broadcast_file"));
			assertThat(broadcast).isRegularFile();
			assertThat(Secrets.sha256(broadcast)).as("the file the row describes")
				.isEqualTo(row.get("broadcast_sha256"));
			assertThat(TestRecordings.ffmpeg("-v", "error", "-i", broadcast.toString(), "-f", "null", "-"))
				.as("decoded to the end without an error")
				.isBlank();
			assertThat(audio.resolve((String) row.get("original_file"))).isRegularFile();
			try (Stream<Path> files = Files.walk(audio)) {
				assertThat(files.filter((path) -> !path.equals(audio))
					.map((path) -> audio.relativize(path).toString().replace('\\', '/'))
					.toList()).as("nothing temporary left by either node (taken over by " + survivorName + ")")
					.noneMatch((path) -> path.contains(".work") || path.endsWith(".part"))
					.noneMatch((path) -> path.startsWith("incoming/"));
			}
		}
		finally {
			first.kill();
			if (second != null) {
				second.kill();
			}
		}
	}

	private static String[] arguments(List<String> common, String node, Path folder) {
		List<String> arguments = new ArrayList<>(common);
		arguments.add("--bantin.node-id=" + node);
		arguments.add("--bantin.data-dir=" + folder.resolve(node));
		return arguments.toArray(String[]::new);
	}

	/** The processing's row as stored, read from outside the application. */
	private static Map<String, Object> row(String database, long id) throws SQLException {
		try (Connection connection = DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(database));
				PreparedStatement statement = connection.prepareStatement("SELECT status, progress, claimed_by, "
						+ "broadcast_file, broadcast_sha256, original_file FROM radio_audio WHERE id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).isTrue();
				Map<String, Object> row = new java.util.HashMap<>();
				for (String column : List.of("status", "progress", "claimed_by", "broadcast_file", "broadcast_sha256",
						"original_file")) {
					row.put(column, rows.getObject(column));
				}
				return row;
			}
		}
	}

	private static int count(String database, String sql, String argument) throws SQLException {
		try (Connection connection = DriverManager.getConnection(EmbeddedPostgresSupport.superuserUrl(database));
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, argument);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private String upload(ChildApplication node, String token, String item, Path file)
			throws IOException, InterruptedException {
		String boundary = "----bantin" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + NAME
				+ "\"\r\nContent-Type: audio/mpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/items/" + item + "/audio"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return response.body();
	}

	private String token(ChildApplication application) throws IOException, InterruptedException {
		return ChildApi.token(application, PASSWORD, "cluster audio");
	}

	private String call(ChildApplication application, String token, String method, String path)
			throws IOException, InterruptedException {
		return ChildApi.call(application, token, method, path, null);
	}

}
