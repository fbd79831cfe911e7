package vn.bantin.account;

import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /actuator/info} tells anyone the application's version and nothing about the
 * Java runtime it runs on (which says which published vulnerabilities apply); an
 * administrator signed in over HTTP Basic sees the runtime too.
 */
@BantinWebTest
class ApplicationInfoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void anAnonymousCallerSeesTheVersionAndNothingOfTheJavaRuntime() throws Exception {
		String body = this.mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(not(emptyOrNullString())))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain("java", "jvm", "vendor", "runtime", System.getProperty("java.vm.version"),
				System.getProperty("java.runtime.version"));
		assertThat(body).matches("\\{\"version\":\"[^\"]+\"\\}");
	}

	@Test
	void aUserWithoutAdminSeesOnlyTheVersionToo() throws Exception {
		this.accounts.create("info-editor", "mat-khau-bien-tap", Set.of(Role.EDITOR));

		String body = this.mvc
			.perform(get("/actuator/info").with(httpBasic("info-editor", "mat-khau-bien-tap"))
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).matches("\\{\"version\":\"[^\"]+\"\\}");
	}

	@Test
	void anAdministratorAlsoSeesTheJavaRuntime() throws Exception {
		this.mvc
			.perform(get("/actuator/info").with(httpBasic(SignIn.ADMIN, SignIn.ADMIN_PASSWORD))
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(not(emptyOrNullString())))
			.andExpect(jsonPath("$.java.version").value(System.getProperty("java.version")));
	}

}
