package vn.bantin.wordimport;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.SchedulerName;
import vn.bantin.account.Role;
import vn.bantin.account.TestAccounts;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Word file over the upload limit, sent to a real server: the servlet container, not
 * the controller, refuses it, and the editor is sent back to the import form with the
 * reason (not the container's bare error page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
@Import(TestAccounts.class)
class WordImportOverLimitTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:over-limit");
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ItemCatalog catalog;

	@Test
	void aFileOverTheLimitShowsTheFormWithTheReason() throws Exception {
		this.accounts.create("bien-tap", "mat-khau-rat-dai", Set.of(Role.EDITOR));
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginToken = csrf(client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=bien-tap&password=mat-khau-rat-dai&_csrf="
					+ URLEncoder.encode(loginToken, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/admin"));
		String form = client.send(get("/admin/items/import"), HttpResponse.BodyHandlers.ofString()).body();
		long before = itemCount();

		byte[] big = new byte[(int) WordImport.MAX_BYTES + 100_000];
		big[0] = 'P';
		big[1] = 'K';
		big[2] = 3;
		big[3] = 4;
		String boundary = "----bantin" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.docx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(big);
		body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(form)
				+ "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(action(form)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/admin/items/import?refused=too-large");
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(url("/admin/items/import?refused=too-large")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Tệp quá lớn: tối đa 10 MB.").contains("type=\"file\"");
		assertThat(itemCount()).isEqualTo(before);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF field in %s", page).isTrue();
		return matcher.group(1);
	}

	private static String action(String form) {
		Matcher matcher = Pattern.compile("action=\"([^\"]*/admin/items/import[^\"]*)\"").matcher(form);
		assertThat(matcher.find()).as("the import form in %s", form).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(url(path)).GET().build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** How many items there are, drafts and archived ones included. */
	private long itemCount() {
		return this.catalog.find(ItemQuery.all(), 0, 1).getTotalElements();
	}

}
