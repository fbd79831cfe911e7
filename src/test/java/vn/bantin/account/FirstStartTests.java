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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.bantin.BantinApplication;
import vn.bantin.SchedulerName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of an installation without {@code BANTIN_ADMIN_PASSWORD}: the real
 * application on a real port and a database file, started twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTests {

	private static final Pattern GENERATED = Pattern
		.compile("Created user 'admin' with the generated password: (\\S+) ");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	Path dataDir;

	@Test
	void firstStartLogsAGeneratedPasswordOnceThatSignsInAndTheNextStartLogsNoneAndCreatesNoUser(CapturedOutput output)
			throws Exception {
		String password;
		try (ConfigurableApplicationContext first = start()) {
			Matcher logged = GENERATED.matcher(output.getAll());
			assertThat(logged.find()).as("the log tells the generated password").isTrue();
			password = logged.group(1);
			assertThat(logged.find()).as("the password is logged only once").isFalse();
			assertThat(password).hasSizeGreaterThanOrEqualTo(StaffDirectory.MIN_PASSWORD_LENGTH);
			assertThat(output.getAll().split(Pattern.quote(password), -1)).hasSize(2);
			assertThat(signIn(first, "admin", password + "x")).endsWith("/login?error");
			assertThat(signIn(first, "admin", password)).endsWith("/admin");
			assertThat(first.getBean(StaffDirectory.class).all()).extracting(StaffUser::getUsername)
				.containsExactly("admin");
		}
		int firstStartOutput = output.getAll().length();
		try (ConfigurableApplicationContext second = start()) {
			String secondStart = output.getAll().substring(firstStartOutput);
			assertThat(secondStart).contains("Started").doesNotContain("Created user").doesNotContain(password);
			assertThat(second.getBean(StaffDirectory.class).all()).extracting(StaffUser::getUsername)
				.containsExactly("admin");
			assertThat(signIn(second, "admin", password)).endsWith("/admin");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BantinApplication.class).run("--server.port=0",
				SchedulerName.argument(this.dataDir), "--bantin.data-dir=" + this.dataDir,
				"--bantin.account.initial-admin-password=");
	}

	/** Signs in like a browser; returns where the login sent it. */
	private static String signIn(ConfigurableApplicationContext context, String username, String password)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		URI base = URI.create("http://localhost:" + port);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		String location = login.headers().firstValue("Location").orElseThrow();
		if (location.endsWith("/admin")) {
			HttpResponse<String> admin = browser.send(HttpRequest.newBuilder(base.resolve("/admin")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(admin.statusCode()).as("the signed-in browser opens the admin area").isEqualTo(200);
		}
		return location;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
