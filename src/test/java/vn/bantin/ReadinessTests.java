package vn.bantin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.bantin.system.FileStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code /actuator/health/readiness} is DOWN (503) while the node cannot use its file
 * store or reach its database, and UP again once it can, so that the balancer sends its
 * traffic elsewhere meanwhile; liveness stays UP, so that nothing restarts the node for
 * an outage a restart would not mend; anonymous callers learn the status only.
 */
class ReadinessTests {

	@TempDir
	Path folder;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void readinessFailsWhileTheFileStoreIsGoneAndRecoversWhenItIsBackAndAnonymousCallersSeeTheStatusOnly()
			throws Exception {
		Path dataDir = this.folder.resolve("data");
		try (ConfigurableApplicationContext application = start(dataDir,
				"--spring.datasource.url=jdbc:h2:mem:ready-" + dataDir.hashCode() + ";DB_CLOSE_DELAY=-1",
				"--bantin.files.probe-timeout=2s")) {
			String base = base(application);
			assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
			// anonymous callers (the balancer) learn the status only
			for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				assertThat(response.body()).as(path)
					.contains("\"status\":\"UP\"")
					.doesNotContain("components", "details", "fileStore", "\"db\"", dataDir.toString());
			}

			// the store's folder disappears, as a shared mount does when it drops
			deleteTree(dataDir);
			assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503);
			assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);

			Files.createDirectories(dataDir);
			assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
		}
	}

	@Test
	void readinessFailsWhileTheDatabaseIsUnreachableButLivenessDoesNot() throws Exception {
		EmbeddedPostgres database = EmbeddedPostgres.builder().start();
		boolean closed = false;
		try (ConfigurableApplicationContext application = start(this.folder.resolve("data"),
				"--spring.profiles.active=postgres",
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				// the db check waits this long for a connection before it says DOWN
				"--spring.datasource.hikari.connection-timeout=1000")) {
			String base = base(application);
			assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);

			database.close();
			closed = true;
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> status(base + "/actuator/health/readiness") == 503);
			assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
		}
		finally {
			if (!closed) {
				database.close();
			}
		}
	}

	@Test
	void aNodeWhoseSharedStoreIsNotMountedRefusesToStartSayingSo() throws Exception {
		Path mountPoint = Files.createDirectories(this.folder.resolve("mnt/bantin"));
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> start(this.folder.resolve("data"),
					"--spring.datasource.url=jdbc:h2:mem:ready-unmounted-" + this.folder.hashCode(),
					"--bantin.files.store=shared", "--bantin.files.shared-dir=" + mountPoint)
				.close())
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining(mountPoint + " (bantin.files.shared-dir) has no " + FileStore.MARKER)
			.withMessageContaining("not mounted here");
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... arguments) {
		List<String> all = new java.util.ArrayList<>(List.of("--server.port=0", SchedulerName.argument(dataDir),
				"--bantin.data-dir=" + dataDir, "--bantin.account.initial-admin-password=readiness-test-password",
				"--bantin.radio.speech-command="));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(BantinApplication.class).run(all.toArray(String[]::new));
	}

	private static String base(ConfigurableApplicationContext application) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	private int status(String url) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
