package vn.bantin.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.SchedulerName;
import vn.bantin.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in on a real server (Tomcat decides the cookie's flags and writes the
 * redirects), set up as behind a reverse proxy ({@code server.forward-headers-strategy=
 * native}, which trusts the proxy headers of a client on the loopback): the session
 * cookie is {@code HttpOnly} and {@code SameSite=Lax}, and {@code Secure} exactly when
 * the request came over https; the redirects to the sign-in page and back to the page
 * first asked for are relative, so a forged {@code Host} or {@code X-Forwarded-Host}
 * never comes back in a {@code Location}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = SchedulerName.RANDOM)
@Import(TestAccounts.class)
class SignInOverHttpTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final String FORGED = "evil.example";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bantin.data-dir", () -> dataDir.toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sign-in-over-http");
		registry.add("server.forward-headers-strategy", () -> "native");
	}

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void overHttpsTheSessionCookieIsSecureHttpOnlyAndLax() throws Exception {
		RawHttp.Response page = RawHttp.send(this.port,
				"GET /login HTTP/1.1\r\nHost: bantin.example.vn\r\nX-Forwarded-Proto: https\r\n", new byte[0]);

		assertThat(page.status()).isEqualTo(200);
		assertThat(sessionCookie(page)).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
	}

	@Test
	void overPlainHttpTheSessionCookieIsLaxButNotSecure() throws Exception {
		RawHttp.Response page = RawHttp.send(this.port, "GET /login HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);

		assertThat(page.status()).isEqualTo(200);
		assertThat(sessionCookie(page)).doesNotContain("Secure").contains("; HttpOnly").contains("; SameSite=Lax");
		RawHttp.Response english = RawHttp.send(this.port, "GET /login?lang=en HTTP/1.1\r\nHost: localhost\r\n",
				new byte[0]);
		assertThat(english.all("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("bantin-lang="))
			.singleElement()
			.asString()
			.contains("SameSite=Lax");
	}

	@Test
	void aForgedHostNeverComesBackInTheSignInRedirects() throws Exception {
		this.accounts.create("ky-danh", "mat-khau-ky-danh", Set.of(Role.EDITOR));
		String forged = "Host: " + FORGED + "\r\nX-Forwarded-Host: " + FORGED + "\r\nX-Forwarded-Proto: https\r\n";

		RawHttp.Response asked = RawHttp.send(this.port, "GET /admin/items?q=tiem HTTP/1.1\r\n" + forged, new byte[0]);
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).isEqualTo("/login");
		String session = cookieValue(sessionCookie(asked));
		RawHttp.Response signedIn = signIn(forged, session, "mat-khau-ky-danh");

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).startsWith("/admin/items?q=tiem");
		assertThat(sessionCookie(signedIn)).contains("; Secure").contains("; SameSite=Lax");
		RawHttp.Response back = RawHttp.send(this.port, "GET " + signedIn.header("Location") + " HTTP/1.1\r\n" + forged
				+ "Cookie: " + cookieValue(sessionCookie(signedIn)) + "\r\n", new byte[0]);
		assertThat(back.status()).isEqualTo(200);

		RawHttp.Response start = RawHttp.send(this.port, "GET /login HTTP/1.1\r\n" + forged, new byte[0]);
		RawHttp.Response refused = signIn(forged, cookieValue(sessionCookie(start)), "sai-mat-khau");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).isEqualTo("/login?error");
		for (RawHttp.Response response : new RawHttp.Response[] { asked, signedIn, back, start, refused }) {
			assertThat(response.headers().toString()).doesNotContain(FORGED);
		}
	}

	private RawHttp.Response signIn(String forged, String session, String password) throws Exception {
		RawHttp.Response form = RawHttp.send(this.port,
				"GET /login HTTP/1.1\r\n" + forged + "Cookie: " + session + "\r\n", new byte[0]);
		byte[] body = ("username=ky-danh&password=" + password + "&_csrf="
				+ URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
		return RawHttp.send(this.port, "POST /login HTTP/1.1\r\n" + forged + "Cookie: " + session
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n",
				body);
	}

	private static String sessionCookie(RawHttp.Response response) {
		return response.all("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

	private static String cookieValue(String setCookie) {
		return setCookie.split(";")[0];
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF field in %s", page).isTrue();
		return matcher.group(1);
	}

}
