package vn.bantin.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.Balancer;
import vn.bantin.ChildApplication;
import vn.bantin.EmbeddedPostgresSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of issue 16 for sessions: two nodes (processes of their own) on one
 * PostgreSQL behind a balancer that sticks to nothing. A user signs in while node 1
 * serves, node 1 is killed (SIGKILL), and node 2 goes on with the same session: signed
 * in, with the message the last form left for the next page, and accepting a form with
 * the CSRF token of node 1's page. Failed sign-ins counted on one node lock the name on
 * the other; a password changed on one node ends the user's other sessions on the other.
 *
 * <p>
 * The tests share one pair of nodes (a node takes 20 to 40 seconds to start on a busy
 * machine), in order: the last kills node 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsAcrossNodesTests {

	private static final String PASSWORD = "sessions-test-password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern REVOKE = Pattern.compile("action=\"(/admin/account/tokens/\\d+/revoke)\"");

	@TempDir
	static Path folder;

	static ChildApplication first;

	static ChildApplication second;

	static Balancer balancer;

	/**
	 * Starts node 1 on an empty database (Flyway creates the tables), then node 2 on the
	 * same one. Both believe the balancer's {@code X-Forwarded-*} headers, as they would
	 * behind any proxy.
	 */
	@BeforeAll
	static void startTwoNodes() throws Exception {
		String[] database = EmbeddedPostgresSupport.applicationArguments(EmbeddedPostgresSupport.newDatabase());
		first = ChildApplication.start(folder.resolve("logs-1"), Duration.ofMinutes(3),
				arguments(folder.resolve("node-1"), database));
		second = ChildApplication.start(folder.resolve("logs-2"), Duration.ofMinutes(3),
				arguments(folder.resolve("node-2"), database));
		balancer = Balancer.start(first.baseUrl(), second.baseUrl());
	}

	@AfterAll
	static void stopNodes() throws Exception {
		if (balancer != null) {
			balancer.close();
		}
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	/**
	 * A name is locked from one address after five failures there: four on node 1 and one
	 * on node 2 lock it on both, against the right password too, while the same name from
	 * another address still signs in.
	 */
	@Test
	@Order(1)
	void failedSignInsOnOneNodeLockTheNameOnTheOther() throws Exception {
		String attacker = "198.51.100.7";
		for (int failure = 1; failure <= 4; failure++) {
			assertThat(signIn(first.baseUrl(), attacker, "sai-mat-khau-" + failure)).as("failure %d", failure)
				.isEqualTo("/login?error");
		}
		assertThat(signIn(second.baseUrl(), attacker, "sai-mat-khau-5")).as("the fifth, on node 2")
			.isEqualTo("/login?error");

		assertThat(signIn(second.baseUrl(), attacker, PASSWORD)).as("the right password on node 2")
			.isEqualTo("/login?locked");
		assertThat(signIn(first.baseUrl(), attacker, PASSWORD)).as("the right password on node 1")
			.isEqualTo("/login?locked");
		assertThat(signIn(second.baseUrl(), "198.51.100.8", PASSWORD)).as("from another address").isEqualTo("/admin");
	}

	/**
	 * A password changed in a session on node 1 ends the user's other sessions, also the
	 * one node 2 serves: its next request there leads to the sign-in page.
	 */
	@Test
	@Order(2)
	void aPasswordChangedOnOneNodeEndsTheUsersSessionOnTheOther() throws Exception {
		StaffBrowser onNodeTwo = signedIn(second.baseUrl());
		StaffBrowser onNodeOne = signedIn(first.baseUrl());
		assertThat(onNodeTwo.get("/admin").statusCode()).isEqualTo(200);

		changePassword(onNodeOne, PASSWORD, "doi-mat-khau-tren-nut-1");

		HttpResponse<String> ended = onNodeTwo.get("/admin");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).as("ended").hasValue("/login?expired");
		assertThat(onNodeOne.get("/admin").statusCode()).as("the session that changed it stays").isEqualTo(200);
		changePassword(onNodeOne, "doi-mat-khau-tren-nut-1", PASSWORD);
	}

	@Test
	@Order(3)
	void aUserSignedInOnNodeOneKeepsWorkingOnNodeTwoAfterNodeOneDies() throws Exception {
		StaffBrowser browser = new StaffBrowser(balancer.baseUrl());
		HttpResponse<String> asked = browser.get("/admin/account/tokens");
		assertThat(asked.headers().firstValue("Location")).as("to the sign-in page").hasValue("/login");
		assertThat(asked.headers().allValues("Set-Cookie")).as("the session cookie, as Tomcat's")
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("; HttpOnly")
				.contains("; SameSite=Lax")
				.doesNotContain("Secure"));
		HttpResponse<String> login = browser.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		HttpResponse<String> signedIn = browser.post("/login",
				Map.of("username", "admin", "password", PASSWORD, "_csrf", csrf(login.body())));
		String back = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(back).as("signed in, back to the page first asked for").startsWith("/admin/account/tokens");
		HttpResponse<String> tokens = browser.get(back);
		assertThat(tokens.statusCode()).isEqualTo(200);
		String csrfOfNodeOne = csrf(tokens.body());
		HttpResponse<String> created = browser.post("/admin/account/tokens",
				Map.of("name", "Trước khi nút 1 ngừng", "expiresInDays", "1", "_csrf", csrfOfNodeOne));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("bt_");
		HttpResponse<String> revoked = browser.post(revokeAction(created.body()), Map.of("_csrf", csrfOfNodeOne));
		assertThat(revoked.statusCode()).as("revoked, redirected with a message for the next page").isEqualTo(302);
		assertThat(balancer.served()).as("served by node 1 so far").containsOnly(URI.create(first.baseUrl()));

		first.kill();

		HttpResponse<String> afterKill = browser.get("/admin/account/tokens");
		assertThat(afterKill.statusCode()).as("still signed in: %s", afterKill.headers().map()).isEqualTo(200);
		assertThat(balancer.lastBackend()).as("served by node 2").isEqualTo(URI.create(second.baseUrl()));
		assertThat(afterKill.body()).as("the message node 1 left for this page")
			.contains(message("account.tokens.revoked"));
		HttpResponse<String> createdOnNodeTwo = browser.post("/admin/account/tokens",
				Map.of("name", "Sau khi nút 1 ngừng", "expiresInDays", "1", "_csrf", csrfOfNodeOne));
		assertThat(createdOnNodeTwo.statusCode()).as("node 1's CSRF token accepted").isEqualTo(200);
		assertThat(createdOnNodeTwo.body()).contains("bt_").contains("Sau khi nút 1 ngừng");
		assertThat(balancer.lastBackend()).as("served by node 2").isEqualTo(URI.create(second.baseUrl()));
	}

	/** A session of {@code admin} on one node. */
	private static StaffBrowser signedIn(String node) throws Exception {
		StaffBrowser browser = new StaffBrowser(node);
		HttpResponse<String> login = browser.get("/login");
		HttpResponse<String> signedIn = browser.post("/login",
				Map.of("username", "admin", "password", PASSWORD, "_csrf", csrf(login.body())));
		assertThat(signedIn.headers().firstValue("Location")).as("signed in on %s", node).hasValue("/admin");
		return browser;
	}

	private static void changePassword(StaffBrowser browser, String current, String changed) throws Exception {
		HttpResponse<String> form = browser.get("/admin/account/password");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> done = browser.post("/admin/account/password",
				Map.of("currentPassword", current, "newPassword", changed, "repeatPassword", changed, "revokeTokens",
						"false", "_csrf", csrf(form.body())));
		assertThat(done.statusCode()).as("password changed: %s", done.body()).isEqualTo(302);
	}

	/**
	 * Posts the login form as {@code admin} on one node, from {@code address} (the node
	 * believes {@code X-Forwarded-For} from the loopback), in a session of its own.
	 * @return where the node sends the browser next
	 */
	private static String signIn(String node, String address, String password) throws Exception {
		StaffBrowser browser = new StaffBrowser(node, address);
		HttpResponse<String> login = browser.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		HttpResponse<String> attempt = browser.post("/login",
				Map.of("username", "admin", "password", password, "_csrf", csrf(login.body())));
		assertThat(attempt.statusCode()).isEqualTo(302);
		return attempt.headers().firstValue("Location").orElseThrow();
	}

	private static String[] arguments(Path dataDir, String[] database) {
		List<String> arguments = new java.util.ArrayList<>(
				List.of("--bantin.data-dir=" + dataDir, "--bantin.account.initial-admin-password=" + PASSWORD,
						"--server.forward-headers-strategy=native", "--logging.level.root=WARN"));
		arguments.addAll(List.of(database));
		return arguments.toArray(String[]::new);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF field in %s", page).isTrue();
		return matcher.group(1);
	}

	private static String revokeAction(String page) {
		Matcher matcher = REVOKE.matcher(page);
		assertThat(matcher.find()).as("a revoke button in %s", page).isTrue();
		return matcher.group(1);
	}

	/** The Vietnamese text of a message (the commune's language). */
	private static String message(String key) {
		return ResourceBundle
			.getBundle("messages", java.util.Locale.ROOT,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
			.getString(key);
	}

	/**
	 * A staff member's browser: cookies and requests, without following redirects: each
	 * instance keeps its own cookies.
	 */
	private static final class StaffBrowser {

		private final String base;

		private final String address;

		private final HttpClient http;

		StaffBrowser(String base) {
			this(base, null);
		}

		StaffBrowser(String base, String address) {
			this.base = base;
			this.address = address;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = new LinkedHashMap<>(form).entrySet()
				.stream()
				.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(60));
			if (this.address != null) {
				request.header("X-Forwarded-For", this.address);
			}
			return request;
		}

	}

}
