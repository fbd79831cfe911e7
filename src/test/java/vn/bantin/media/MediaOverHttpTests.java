package vn.bantin.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.SchedulerName;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sample recording over real HTTP from the running server, as a phone's
 * player gets it: HEAD with the length and no body, the whole file with its exact
 * {@code Content-Length} (never gzipped, which would break ranges), a range, and raw
 * request lines that try to leave the media folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
class MediaOverHttpTests {

	static final String SAMPLE = "/media/ban-tin-cchc-dai-truyen-thanh.mp3";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
		registry.add("bantin.account.initial-admin-password", () -> "mat-khau-thu-nghiem");
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	byte[] sample() throws IOException {
		return Files.readAllBytes(Path.of("content").resolve(SAMPLE.substring(1)));
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	@Test
	void headGivesTheLengthAndTypeWithoutTheBody() throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				request(SAMPLE).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(sample().length));
		assertThat(response.headers().firstValue("Content-Type")).contains("audio/mpeg");
		assertThat(response.headers().firstValue("Accept-Ranges")).contains("bytes");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void wholeFileComesWithItsExactLengthAndUncompressed() throws Exception {
		HttpResponse<byte[]> response = this.http.send(request(SAMPLE).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(sample().length));
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(response.body()).isEqualTo(sample());
	}

	@Test
	void rangeComesAsPartialContent() throws Exception {
		byte[] sample = sample();
		HttpResponse<byte[]> response = this.http.send(request(SAMPLE).header("Range", "bytes=100-163").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).contains("bytes 100-163/" + sample.length);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(sample, 100, 164));
	}

	@Test
	void rawRequestLinesLeavingTheMediaFolderGetNoFile() throws Exception {
		for (String target : new String[] { "/media/../pom.xml", "/media/%2e%2e/pom.xml", "/media/..%2fpom.xml",
				"/media/..%5cpom.xml", "/media/%2e%2e%2f%2e%2e%2fpom.xml", "/media/..;/pom.xml" }) {
			String answer = raw(target);
			assertThat(answer).as(target).doesNotStartWith("HTTP/1.1 200").doesNotContain("<artifactId>");
		}
	}

	private String raw(String target) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
