package vn.bantin.account;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Every staff member changes their own password: their other sessions end and their API
 * tokens are revoked unless they untick it, wrong current passwords are throttled like
 * sign-ins, and a password of any length works.
 */
@BantinWebTest
class OwnPasswordTests {

	static final String OLD = "old-password-1";

	/** 40 × "Ä": 40 characters, 80 bytes in UTF-8; bcrypt reads at most 72. */
	static final String FORTY_A_UMLAUTS = "Ä".repeat(40);

	/** A Vietnamese passphrase of 62 characters and 80 bytes in UTF-8. */
	static final String PASSPHRASE = "Quê hương là chùm khế ngọt, cho con trèo hái mỗi ngày đấy nhé!";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	String username;

	/** Where this test's user changes their password from. */
	String address;

	MockHttpSession session;

	@BeforeEach
	void editorSignsIn() throws Exception {
		this.username = "changer-" + Long.toString(System.nanoTime(), 36);
		this.address = SignIn.newAddress();
		this.directory.create(this.username, "", OLD, Set.of(Role.EDITOR));
		this.session = SignIn.as(this.mvc, this.username, OLD);
	}

	@Test
	void formIsShownToAnyRole() throws Exception {
		this.mvc.perform(get("/admin/account/password").session(this.session))
			.andExpect(status().isOk())
			.andExpect(view().name("account/password"));
	}

	@Test
	void wrongCurrentPasswordIsRefused() throws Exception {
		change("not-my-password", "new-password-1", "new-password-1").andExpect(status().isOk())
			.andExpect(view().name("account/password"))
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "account.error.current-password"));
		SignIn.as(this.mvc, this.username, OLD);
	}

	@Test
	void mismatchedRepetitionIsRefused() throws Exception {
		change(OLD, "new-password-1", "new-password-2").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "repeatPassword", "account.error.password-mismatch"));
		SignIn.as(this.mvc, this.username, OLD);
	}

	@Test
	void shortNewPasswordIsRefused() throws Exception {
		change(OLD, "short", "short").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "account.error.password-short"));
		SignIn.as(this.mvc, this.username, OLD);
	}

	@Test
	void newPasswordReplacesTheOldOne() throws Exception {
		change(OLD, "new-password-1", "new-password-1").andExpect(redirectedUrl("/admin"));
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, this.username, OLD));
		SignIn.as(this.mvc, this.username, "new-password-1");
	}

	/**
	 * Some Vietnamese keyboards send decomposed letters. The form stores text composed,
	 * so signing in must compare passwords composed too, or such a user could never sign
	 * in with the password they just chose.
	 */
	@Test
	void passwordWithVietnameseLettersSignsInWhicheverWayTheyAreEncoded() throws Exception {
		String composed = "mật khẩu của tôi";
		String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
		change(OLD, decomposed, decomposed).andExpect(redirectedUrl("/admin"));
		SignIn.as(this.mvc, this.username, decomposed);
		SignIn.as(this.mvc, this.username, composed);
	}

	/**
	 * A session opened elsewhere (another browser, a stolen cookie) ends with the change;
	 * the session that made it stays.
	 */
	@Test
	void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
		MockHttpSession elsewhere = SignIn.as(this.mvc, this.username, OLD);
		this.mvc.perform(get("/admin").session(elsewhere)).andExpect(status().isOk());

		change(OLD, "new-password-1", "new-password-1").andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("notice", "account.password.changed-tokens-revoked"));

		this.mvc.perform(get("/admin").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/admin").session(this.session)).andExpect(status().isOk());
	}

	@Test
	void changingThePasswordRevokesTheApiTokensUnlessUnticked() throws Exception {
		String token = token(OLD);
		items(token).andExpect(status().isOk());
		// the form as a browser posts it with the box unticked: only the marker
		change(OLD, "new-password-1", "new-password-1", "_revokeTokens", "on").andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("notice", "account.password.changed"));
		items(token).andExpect(status().isOk());

		// ticked (the default)
		change("new-password-1", "new-password-2", "new-password-2", "_revokeTokens", "on", "revokeTokens", "true")
			.andExpect(redirectedUrl("/admin"));
		items(token).andExpect(status().isUnauthorized());
		String another = token("new-password-2");
		// a request without the box at all revokes them too
		change("new-password-2", "new-password-3", "new-password-3").andExpect(redirectedUrl("/admin"));
		items(another).andExpect(status().isUnauthorized());
	}

	@Test
	void theBoxToRevokeTokensIsTickedByDefault() throws Exception {
		String page = this.mvc.perform(get("/admin/account/password").session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(page).selectFirst("input#revokeTokens").hasAttr("checked")).isTrue();
	}

	/**
	 * Wrong current passwords count as failed sign-ins: a session left open is no way to
	 * guess the password.
	 */
	@Test
	void wrongCurrentPasswordsAreThrottledLikeSignIns() throws Exception {
		for (int i = 0; i < 5; i++) {
			change("guess-number-" + i, "new-password-1", "new-password-1").andExpect(
					model().attributeHasFieldErrorCode("form", "currentPassword", "account.error.current-password"));
		}
		change(OLD, "new-password-1", "new-password-1").andExpect(status().isTooManyRequests())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "account.error.password-locked"));
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, this.username, OLD, this.address));
		// the password did not change, and the owner elsewhere still signs in
		SignIn.as(this.mvc, this.username, OLD);
	}

	/**
	 * bcrypt reads at most 72 bytes, and this answered 500. Now any length works, and the
	 * whole password counts: its first 72 bytes are not enough.
	 */
	@Test
	void aPasswordLongerThan72BytesIsAcceptedAndSignsIn() throws Exception {
		assertThat(FORTY_A_UMLAUTS.getBytes(StandardCharsets.UTF_8)).hasSize(80);
		change(OLD, FORTY_A_UMLAUTS, FORTY_A_UMLAUTS).andExpect(redirectedUrl("/admin"));
		SignIn.as(this.mvc, this.username, FORTY_A_UMLAUTS);
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, this.username, "Ä".repeat(39)));
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, this.username, "Ä".repeat(41)));

		assertThat(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
		change(FORTY_A_UMLAUTS, PASSPHRASE, PASSPHRASE).andExpect(redirectedUrl("/admin"));
		SignIn.as(this.mvc, this.username, Normalizer.normalize(PASSPHRASE, Normalizer.Form.NFD));
		redirectedUrl("/login?error")
			.match(SignIn.attempt(this.mvc, this.username, PASSPHRASE.substring(0, PASSPHRASE.length() - 1) + "?"));
		// the API: a token over HTTP Basic with the passphrase
		items(token(PASSPHRASE)).andExpect(status().isOk());
	}

	private ResultActions change(String current, String next, String repeat, String... moreParams) throws Exception {
		MockHttpServletRequestBuilder request = post("/admin/account/password").session(this.session)
			.with(csrf())
			.with(SignIn.from(this.address))
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", repeat);
		for (int i = 0; i < moreParams.length; i += 2) {
			request.param(moreParams[i], moreParams[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private String token(String password) throws Exception {
		String json = this.mvc
			.perform(post("/api/tokens").with(httpBasic(this.username, password))
				.with(SignIn.from(SignIn.newAddress()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Cổng huyện\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	private ResultActions items(String token) throws Exception {
		return this.mvc.perform(get("/api/items").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

}
