package vn.bantin.system;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.SchedulerName;
import vn.bantin.RawHttp;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.site.HtmlChecker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies against a real server (the servlet container parses multipart, not
 * MockMvc): every route but the uploads takes at most 1 MB and refuses more with 413
 * before reading any of it (the server answers while most of the declared body was never
 * sent); the uploads keep their own, larger limits; a body of undeclared length is 411; a
 * control character in a multipart file name is 400, for anonymous and signed-in callers
 * alike, and never an error in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
@Import(TestAccounts.class)
@ExtendWith(OutputCaptureExtension.class)
class RequestBodyLimitTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final long MB = 1024 * 1024;

	static final AtomicInteger users = new AtomicInteger();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:request-body-limit");
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void aLargeMultipartBodyOnTheLoginPageIsRefusedBeforeItIsRead() throws Exception {
		// 200 MB declared, a few bytes sent: an answer at all means the body was not read
		RawHttp.Response response = RawHttp.send(this.port,
				"POST /login HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + 200 * MB + "\r\n",
				"--b\r\n".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.body()).contains("<html lang=\"vi\">", "Nội dung gửi lên quá lớn", "tối đa 1 MB");
		assertThat(new HtmlChecker().errors("/login", response.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void everyFormAndTheApiTakeAtMostOneMegabyte() throws Exception {
		byte[] twoMegabytes = multipart("b", "file", "danh-sach.csv", new byte[(int) (2 * MB)]);
		for (String path : new String[] { "/subscribe", "/unsubscribe", "/admin/commune", "/admin/lists/x/subscribers",
				"/admin/items/x", "/admin/commune/logo" }) {
			RawHttp.Response response = post(path, "multipart/form-data; boundary=b", twoMegabytes, null);
			assertThat(response.status()).as(path).isEqualTo(413);
			assertThat(response.body()).as(path).contains("tối đa 1 MB");
		}
		RawHttp.Response english = RawHttp.send(this.port,
				"POST /subscribe HTTP/1.1\r\nHost: localhost\r\nCookie: bantin-lang=en\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 2 * MB + "\r\n",
				new byte[0]);
		assertThat(english.status()).isEqualTo(413);
		assertThat(english.body()).contains("<html lang=\"en\">", "at most 1 MB");

		RawHttp.Response api = RawHttp.send(
				this.port, "POST /api/items HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nContent-Length: " + 2 * MB + "\r\n",
				"{\"title\":\"".getBytes());
		assertThat(api.status()).isEqualTo(413);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(api.body(), "$.detail")).contains("tối đa 1 MB");
		assertThat((Integer) JsonPath.read(api.body(), "$.status")).isEqualTo(413);
	}

	@Test
	void theUploadsKeepTheirOwnLimits() throws Exception {
		String session = signIn(Set.of(Role.EDITOR, Role.ADMIN, Role.OPERATOR));
		String csrf = csrf(session, "/admin/items/import");

		// a 3 MB Word file passes the limit and reaches the import, which reads it and
		// finds it is no Word file
		RawHttp.Response word = post("/admin/items/import", "multipart/form-data; boundary=b",
				multipart("b", "file", "ke-hoach.docx", new byte[(int) (3 * MB)], csrf), session);
		assertThat(word.status()).isEqualTo(200);
		assertThat(word.body()).doesNotContain("tối đa 1 MB");
		// an attachment over 10 MB does not pass, and says so
		RawHttp.Response tooLarge = post("/admin/items/khong-co/attachments", "multipart/form-data; boundary=b",
				multipart("b", "file", "phim.mp4", new byte[(int) (11 * MB)], csrf), session);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("tối đa 10 MB");
		// the subscribers' CSV import: 2 MB
		RawHttp.Response csv = post("/admin/lists/x/import", "multipart/form-data; boundary=b",
				multipart("b", "file", "danh-sach.csv", new byte[(int) (3 * MB)], csrf), session);
		assertThat(csv.status()).isEqualTo(413);
		assertThat(csv.body()).contains("tối đa 2 MB");
		// a recording over the radio's limit gets the radio's reason, on its page
		RawHttp.Response recording = RawHttp.send(this.port,
				"POST /admin/radio/audio/items/ban-tin/upload HTTP/1.1\r\nHost: localhost\r\nCookie: " + session
						+ "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + 300 * MB + "\r\n",
				"--b\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(recording.status()).isEqualTo(302);
		assertThat(recording.header("Location")).isEqualTo("/admin/radio/audio/items/ban-tin?refused=too-large");
	}

	@Test
	void aBodyOfUndeclaredLengthIsRefusedOutsideTheUploads() throws Exception {
		RawHttp.Response response = RawHttp.send(this.port,
				"POST /subscribe HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\n"
						+ "Transfer-Encoding: chunked\r\n",
				"5\r\n--b\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.status()).isEqualTo(411);
		assertThat(response.body()).contains("Content-Length");
	}

	@Test
	void aControlCharacterInAFileNameIsABadRequestNeverAnErrorInTheLog(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		// anonymous, on a page that takes no file at all
		RawHttp.Response nul = post("/subscribe", "multipart/form-data; boundary=b",
				multipart("b", "file", "anh.exe\u0000.png", "x".getBytes(StandardCharsets.US_ASCII)), null);
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.body()).contains("Tên tệp không hợp lệ", "ký tự điều khiển");
		RawHttp.Response nel = post("/login", "multipart/form-data; boundary=b",
				multipart("b", "file", "anh\u0085.png", "x".getBytes(StandardCharsets.US_ASCII)), null);
		assertThat(nel.status()).isEqualTo(400);
		RawHttp.Response api = post("/api/items/x/audio", "multipart/form-data; boundary=b",
				multipart("b", "file", "ghi\u0001am.mp3", "x".getBytes(StandardCharsets.US_ASCII)), null);
		assertThat(api.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(api.body(), "$.detail")).contains("ký tự điều khiển");
		assertThat((String) JsonPath.read(api.body(), "$.field")).isEqualTo("file");

		// signed in, on an upload
		String session = signIn(Set.of(Role.EDITOR));
		String csrf = csrf(session, "/admin/items/import");
		RawHttp.Response signedIn = post("/admin/items/import", "multipart/form-data; boundary=b",
				multipart("b", "file", "ke-hoach\u0000.docx", "PK".getBytes(StandardCharsets.US_ASCII), csrf), session);
		assertThat(signedIn.status()).isEqualTo(400);
		assertThat(signedIn.body()).contains("ký tự điều khiển");
		// a name with Vietnamese letters is fine
		RawHttp.Response fine = post("/admin/items/import", "multipart/form-data; boundary=b",
				multipart("b", "file", "Kế hoạch tuyên truyền.docx", "PK".getBytes(StandardCharsets.US_ASCII), csrf),
				session);
		assertThat(fine.status()).isNotIn(400, 413, 500);

		String log = output.getAll().substring(before);
		assertThat(log).doesNotContain(" ERROR ", "InvalidFileNameException");
	}

	private RawHttp.Response post(String path, String contentType, byte[] body, String session) throws Exception {
		return RawHttp.send(this.port,
				"POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
						+ ((session != null) ? "Cookie: " + session + "\r\n" : "") + "Content-Type: " + contentType
						+ "\r\nContent-Length: " + body.length + "\r\n",
				body);
	}

	/** A multipart body with one file and, when given, the CSRF token. */
	static byte[] multipart(String boundary, String field, String fileName, byte[] content, String... csrf)
			throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (csrf.length > 0) {
			body.write(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf[0] + "\r\n")
						.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** Signs a new user with these roles in; the session's cookie. */
	private String signIn(Set<Role> roles) throws Exception {
		String name = "gioi-han-" + users.incrementAndGet();
		this.accounts.create(name, "mat-khau-" + name, roles);
		RawHttp.Response form = RawHttp.send(this.port, "GET /login HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);
		String session = cookie(form);
		byte[] body = ("username=" + name + "&password=mat-khau-" + name + "&_csrf="
				+ URLEncoder.encode(token(form.body()), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
		RawHttp.Response signedIn = post("/login", "application/x-www-form-urlencoded", body, session);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).isEqualTo("/admin");
		return cookie(signedIn);
	}

	private String csrf(String session, String page) throws Exception {
		RawHttp.Response form = RawHttp.send(this.port,
				"GET " + page + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + session + "\r\n", new byte[0]);
		assertThat(form.status()).isEqualTo(200);
		return token(form.body());
	}

	private static String cookie(RawHttp.Response response) {
		return response.all("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.map((cookie) -> cookie.split(";")[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF field in %s", page).isTrue();
		return matcher.group(1);
	}

}
