package vn.bantin.account;

import java.text.Normalizer;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Every staff member changes their own password.
 */
@BantinWebTest
class OwnPasswordTests {

	static final String OLD = "old-password-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	String username;

	MockHttpSession session;

	@BeforeEach
	void operatorSignsIn() throws Exception {
		this.username = "changer-" + Long.toString(System.nanoTime(), 36);
		this.directory.create(this.username, "", OLD, Set.of(Role.OPERATOR));
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

	private ResultActions change(String current, String next, String repeat) throws Exception {
		return this.mvc.perform(post("/admin/account/password").session(this.session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", repeat));
	}

}
