package vn.bantin.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal API tokens: issued over HTTP Basic (throttled like the login form), used as
 * {@code Authorization: Bearer}, refused once expired or revoked, listed and revoked on
 * the profile page; only the hash of a secret is stored.
 */
@BantinWebTest
class ApiTokenTests {

	static final AtomicInteger counter = new AtomicInteger();

	static final String PASSWORD = "mat-khau-api-dai";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ApiTokenStore store;

	@Autowired
	MutableClock clock;

	String user(Role... roles) {
		String name = "api" + counter.incrementAndGet() + "-" + roles[0].name().toLowerCase(java.util.Locale.ROOT);
		this.directory.create(name, "", PASSWORD, Set.of(roles));
		return name;
	}

	ResultActions issue(String username, String password, String body) throws Exception {
		return issue(username, password, body, SignIn.newAddress());
	}

	ResultActions issue(String username, String password, String body, String address) throws Exception {
		return this.mvc.perform(post("/api/tokens").with(httpBasic(username, password))
			.with(SignIn.from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String token(String username, int days) throws Exception {
		String json = issue(username, PASSWORD, "{\"name\":\"Cổng huyện\",\"expiresInDays\":" + days + "}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	ResultActions items(String token) throws Exception {
		return this.mvc.perform(get("/api/items").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

	@Test
	void basicCredentialsGetATokenThatOpensTheApiAndOnlyItsHashIsStored() throws Exception {
		String editor = user(Role.EDITOR);
		Instant now = this.clock.instant();
		String json = issue(editor, PASSWORD, "{\"name\":\"Cổng thông tin huyện\",\"expiresInDays\":30}")
			.andExpect(status().isCreated())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.name").value("Cổng thông tin huyện"))
			.andExpect(jsonPath("$.token", startsWith("bt_")))
			.andExpect(jsonPath("$.expiresAt").value(now.plus(Duration.ofDays(30)).toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(json, "$.token");
		assertThat(secret).hasSize(3 + 43);
		assertThat(JsonPath.<String>read(json, "$.prefix")).isEqualTo(secret.substring(0, 8));

		items(secret).andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());

		ApiToken stored = this.store.findByTokenHash(ApiTokens.hash(secret)).orElseThrow();
		assertThat(stored.view().prefix()).isEqualTo(secret.substring(0, 8));
		assertThat(ApiTokens.hash(secret)).hasSize(64).doesNotContain(secret.substring(3));
	}

	@Test
	void aTokenActsWithItsOwnersRolesSoAnOperatorIsRefusedTheEditor() throws Exception {
		String operator = user(Role.OPERATOR);
		items(token(operator, 5)).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aWrongPasswordGetsNoTokenAndFiveFailuresLockTheUserOutFromThatAddress() throws Exception {
		String editor = user(Role.EDITOR);
		String address = SignIn.newAddress();
		issue(editor, "sai-mat-khau-roi", "{\"name\":\"x\"}", address).andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		for (int i = 0; i < 4; i++) {
			issue(editor, "sai-mat-khau-" + i, "{\"name\":\"x\"}", address).andExpect(status().isUnauthorized());
		}
		// the sixth attempt is refused before the (right) password is checked
		issue(editor, PASSWORD, "{\"name\":\"x\"}", address).andExpect(status().isTooManyRequests());
		assertThat(this.tokens.list(editor)).isEmpty();
		// from another address the owner still gets a token
		issue(editor, PASSWORD, "{\"name\":\"x\"}").andExpect(status().isCreated());
	}

	/** A Vietnamese passphrase over bcrypt's 72 bytes works over HTTP Basic too. */
	@Test
	void aPassphraseLongerThan72BytesGetsAToken() throws Exception {
		String name = "api" + counter.incrementAndGet() + "-long";
		String passphrase = "Đài truyền thanh xã phát lúc năm giờ sáng và năm giờ chiều mỗi ngày";
		assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		this.directory.create(name, "", passphrase, Set.of(Role.EDITOR));
		String json = issue(name, passphrase, "{\"name\":\"Cổng huyện\"}").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		items(JsonPath.read(json, "$.token")).andExpect(status().isOk());
		issue(name, passphrase.substring(0, 60), "{\"name\":\"x\"}").andExpect(status().isUnauthorized());
	}

	@Test
	void nameAndExpiryAreCheckedWithProblemDetailsNamingTheField() throws Exception {
		String editor = user(Role.EDITOR);
		issue(editor, PASSWORD, "{\"name\":\"x\",\"expiresInDays\":366}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("expiresInDays"))
			.andExpect(jsonPath("$.detail").value("Thời hạn của khóa phải từ 1 đến 365 ngày."));
		this.mvc
			.perform(post("/api/tokens").with(httpBasic(editor, PASSWORD))
				.with(SignIn.from(SignIn.newAddress()))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"expiresInDays\":10}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"))
			.andExpect(jsonPath("$.detail").value("Give the token a name."));
		// left out, the expiry is 90 days
		issue(editor, PASSWORD, "{\"name\":\"mặc định\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.expiresAt").value(this.clock.instant().plus(Duration.ofDays(90)).toString()));
	}

	@Test
	void withoutAValidTokenTheApiAnswers401WithABearerChallenge() throws Exception {
		this.mvc.perform(get("/api/items"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		items("bt_khong-phai-khoa-that").andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
			.andExpect(jsonPath("$.status").value(401));
		// a password is no way into the API besides POST /api/tokens
		String editor = user(Role.EDITOR);
		this.mvc.perform(get("/api/items").with(httpBasic(editor, PASSWORD)).with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		String token = token(user(Role.EDITOR), 1);
		items(token).andExpect(status().isOk());
		this.clock.advance(Duration.ofDays(1));
		items(token).andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
	}

	@Test
	void aTokenOfADisabledUserIsRefused() throws Exception {
		String editor = user(Role.EDITOR);
		String token = token(editor, 10);
		long id = this.directory.all()
			.stream()
			.filter((u) -> u.getUsername().equals(editor))
			.findFirst()
			.orElseThrow()
			.getId();
		this.directory.update(id, "", Set.of(Role.EDITOR), false, SignIn.ADMIN);
		items(token).andExpect(status().isUnauthorized());
	}

	@Test
	void lastUseIsRecordedAtMostOnceAMinute() throws Exception {
		String editor = user(Role.EDITOR);
		String token = token(editor, 10);
		Instant first = this.clock.instant();
		items(token).andExpect(status().isOk());
		this.clock.advance(Duration.ofSeconds(30));
		items(token).andExpect(status().isOk());
		assertThat(this.tokens.list(editor).get(0).lastUsedAt()).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(30));
		items(token).andExpect(status().isOk());
		assertThat(this.tokens.list(editor).get(0).lastUsedAt()).isEqualTo(first.plusSeconds(60));
	}

	@Test
	void theProfilePageListsCreatesOnceAndRevokesTokens() throws Exception {
		String editor = user(Role.EDITOR);
		String token = token(editor, 10);
		MockHttpSession session = SignIn.as(this.mvc, editor, PASSWORD);

		this.mvc.perform(get("/admin/account/tokens").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cổng huyện")))
			.andExpect(content().string(containsString(token.substring(0, 8))))
			.andExpect(content().string(not(containsString(token))))
			.andExpect(content().string(containsString("Đang hiệu lực")));

		String page = this.mvc
			.perform(post("/admin/account/tokens").param("name", "Ứng dụng điện thoại")
				.param("expiresInDays", "30")
				.session(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = org.jsoup.Jsoup.parse(page).selectFirst("#new-token").text();
		assertThat(secret).startsWith("bt_");
		items(secret).andExpect(status().isOk());
		this.mvc.perform(get("/admin/account/tokens").session(session))
			.andExpect(content().string(containsString("Ứng dụng điện thoại")))
			.andExpect(content().string(not(containsString(secret))));

		this.mvc
			.perform(post("/admin/account/tokens").param("name", "")
				.param("expiresInDays", "400")
				.session(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đặt tên cho khóa.")));

		long id = this.tokens.list(editor)
			.stream()
			.filter((t) -> t.name().equals("Cổng huyện"))
			.findFirst()
			.orElseThrow()
			.id();
		this.mvc.perform(post("/admin/account/tokens/{id}/revoke", id).session(session).with(csrf()))
			.andExpect(status().isFound());
		items(token).andExpect(status().isUnauthorized());
		items(secret).andExpect(status().isOk());
		this.mvc.perform(get("/admin/account/tokens").session(session))
			.andExpect(content().string(containsString("Đã thu hồi")));
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() throws Exception {
		String owner = user(Role.EDITOR);
		String token = token(owner, 10);
		long id = this.tokens.list(owner).get(0).id();
		MockHttpSession other = SignIn.as(this.mvc, user(Role.ADMIN), PASSWORD);
		this.mvc.perform(post("/admin/account/tokens/{id}/revoke", id).session(other).with(csrf()))
			.andExpect(status().isNotFound());
		items(token).andExpect(status().isOk());
	}

}
