package vn.bantin.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.SchedulerName;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages through the real server (Tomcat on a random port), which MockMvc
 * skips: HTML is gzip-compressed for a reader that accepts it, the validators survive
 * compression and a revalidation is a 304 without a body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
class PageCachingOverHttpTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bantin-http-caching");
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void homePageIsGzippedAndAnswers304ToItsETagAndToItsDate() throws Exception {
		HttpResponse<byte[]> first = get("/", "Accept-Encoding", "gzip");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(first.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding")
			.containsIgnoringCase("cookie");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String html = gunzip(first.body());
		assertThat(html).contains("<html lang=\"vi\">").contains("Chương trình phát thanh hôm nay");
		assertThat(first.body().length).as("compressed home page").isLessThan(60 * 1024);
		assertThat(first.headers().firstValue("Set-Cookie")).as("no session for residents").isEmpty();

		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> again = get("/", "Accept-Encoding", "gzip", "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(get("/", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
	}

	@Test
	void itemListIsGzippedAndRevalidatesWithoutCompressionToo() throws Exception {
		HttpResponse<byte[]> gzipped = get("/items", "Accept-Encoding", "gzip");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String etag = gzipped.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> plain = get("/items", "If-None-Match", etag);
		assertThat(plain.statusCode()).isEqualTo(304);
	}

	@Test
	void adminAreaIsNeverStoredByAnyCache() throws Exception {
		HttpResponse<byte[]> login = get("/login");
		assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(login.headers().firstValue("ETag")).isEmpty();
		HttpResponse<byte[]> admin = get("/admin");
		assertThat(admin.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
