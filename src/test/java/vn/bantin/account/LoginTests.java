package vn.bantin.account;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Signing in through the login form.
 */
@BantinWebTest
class LoginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	@Test
	void loginPageIsOpenToEveryone() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name("account/login"));
	}

	@Test
	void adminSignsInWithTheConfiguredPasswordAndReachesTheAdminArea() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		this.mvc.perform(get("/admin").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/home"))
			.andExpect(authenticated().withUsername(SignIn.ADMIN)
				.withRoles(Role.EDITOR.name(), Role.APPROVER.name(), Role.OPERATOR.name(), Role.ADMIN.name(),
						// the first admin also administers the province (issue 15)
						ProvinceRole.PROVINCE_ADMIN.name()));
	}

	@Test
	void wrongPasswordReturnsToTheLoginPageWithAnError() throws Exception {
		var result = SignIn.attempt(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD + "x");
		redirectedUrl("/login?error").match(result);
		unauthenticated().match(result);
	}

	@Test
	void unknownUserReturnsToTheLoginPageWithAnError() throws Exception {
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "nobody-here", SignIn.ADMIN_PASSWORD));
	}

	@Test
	void userNameIsMatchedWhateverItsCase() throws Exception {
		this.directory.create("casey", "", "casey-password-1", Set.of(Role.EDITOR));
		SignIn.as(this.mvc, "Casey", "casey-password-1");
	}

	@Test
	void disabledUserCannotSignIn() throws Exception {
		StaffUser user = this.directory.create("soon-disabled", "", "disabled-password", Set.of(Role.EDITOR));
		SignIn.as(this.mvc, "soon-disabled", "disabled-password");
		this.directory.update(user.getId(), null, Set.of(Role.EDITOR), false, SignIn.ADMIN);
		var result = SignIn.attempt(this.mvc, "soon-disabled", "disabled-password");
		redirectedUrl("/login?error").match(result);
		unauthenticated().match(result);
	}

	@Test
	void loginWithoutCsrfTokenIsForbidden() throws Exception {
		this.mvc
			.perform(post("/login").param("username", SignIn.ADMIN)
				.param("password", SignIn.ADMIN_PASSWORD)
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void anonymousVisitorOfTheAdminAreaIsSentToTheLoginPage() throws Exception {
		var result = this.mvc.perform(get("/admin/users")).andExpect(status().isFound()).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void afterLogoutTheSessionNoLongerReachesTheAdminArea() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isFound());
	}

}
