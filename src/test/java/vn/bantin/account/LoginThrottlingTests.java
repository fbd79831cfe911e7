package vn.bantin.account;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated wrong passwords lock a user name at the login form from the address they came
 * from, whatever the password, until the lock has passed; the owner elsewhere still signs
 * in, unless guessing came from so many addresses that the name is locked everywhere; an
 * administrator sees locked users and unlocks them.
 */
@BantinWebTest
class LoginThrottlingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	@Autowired
	MutableClock clock;

	@Test
	void fiveWrongPasswordsFromOneAddressRefuseEvenTheRightOneThereUntilTheLockHasPassed() throws Exception {
		this.directory.create("guessed", "", "guessed-password", Set.of(Role.EDITOR));
		String address = SignIn.newAddress();
		for (int i = 0; i < 5; i++) {
			redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "guessed", "wrong-password-" + i, address));
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "guessed", "guessed-password", address));
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "GUESSED", "guessed-password", address));
		this.clock.advance(Duration.ofMinutes(14));
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "guessed", "guessed-password", address));
		this.clock.advance(Duration.ofMinutes(1));
		redirectedUrl("/admin").match(SignIn.attempt(this.mvc, "guessed", "guessed-password", address));
	}

	/**
	 * Five wrong passwords from anywhere used to lock the name for everybody: anyone on
	 * the internet could keep the administrator out.
	 */
	@Test
	void anAttackerFromAnotherAddressCannotLockTheOwnerOut() throws Exception {
		this.directory.create("chu-tich", "", "chu-tich-password", Set.of(Role.ADMIN));
		String attacker = SignIn.newAddress();
		for (int i = 0; i < 10; i++) {
			SignIn.attempt(this.mvc, "chu-tich", "wrong-password-" + i, attacker);
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "chu-tich", "chu-tich-password", attacker));
		SignIn.as(this.mvc, "chu-tich", "chu-tich-password");
	}

	@Test
	void fourWrongPasswordsStillLetTheRightOneIn() throws Exception {
		this.directory.create("mistyped", "", "mistyped-password", Set.of(Role.EDITOR));
		String address = SignIn.newAddress();
		for (int i = 0; i < 4; i++) {
			redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "mistyped", "wrong-password-" + i, address));
		}
		redirectedUrl("/admin").match(SignIn.attempt(this.mvc, "mistyped", "mistyped-password", address));
	}

	@Test
	void lockedNameDoesNotLockOtherUsers() throws Exception {
		this.directory.create("neighbour", "", "neighbour-password", Set.of(Role.EDITOR));
		String address = SignIn.newAddress();
		for (int i = 0; i < 5; i++) {
			SignIn.attempt(this.mvc, "attacked", "wrong-password-" + i, address);
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "attacked", "whatever", address));
		redirectedUrl("/admin").match(SignIn.attempt(this.mvc, "neighbour", "neighbour-password", address));
	}

	@Test
	void oneAddressFailingForManyNamesIsLockedForEveryName() throws Exception {
		this.directory.create("office-user", "", "office-password", Set.of(Role.EDITOR));
		String office = SignIn.newAddress();
		for (int i = 0; i < 20; i++) {
			redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "sprayed-" + i, "wrong-password", office));
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "office-user", "office-password", office));
		redirectedUrl("/admin").match(SignIn.attempt(this.mvc, "office-user", "office-password"));
	}

	/**
	 * Fifty wrong passwords from fifty addresses, none locked by itself, lock the name
	 * everywhere, its owner's address too; the administrator sees it among the locked
	 * accounts and unlocks it.
	 */
	@Test
	void guessingFromManyAddressesLocksTheNameEverywhereUntilAnAdministratorUnlocksIt() throws Exception {
		StaffUser target = this.directory.create("pho-chu-tich", "Phó Chủ tịch", "pho-chu-tich-password",
				Set.of(Role.APPROVER));
		for (int i = 0; i < 50; i++) {
			redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "pho-chu-tich", "wrong-password-" + i));
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "pho-chu-tich", "pho-chu-tich-password"));

		MockHttpSession admin = SignIn.as(this.mvc, SignIn.ADMIN, SignIn.ADMIN_PASSWORD);
		this.mvc.perform(get("/admin/users/locked").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("pho-chu-tich")))
			.andExpect(content().string(containsString("Ở mọi địa chỉ")));
		this.mvc.perform(get("/admin/users/{id}", target.getId()).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ở mọi địa chỉ")));
		this.mvc.perform(
				post("/admin/users/{id}/unlock", target.getId()).param("back", "locked").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/locked"));
		this.mvc.perform(get("/admin/users/locked").session(admin))
			.andExpect(content().string(not(containsString("pho-chu-tich"))));
		SignIn.as(this.mvc, "pho-chu-tich", "pho-chu-tich-password");
	}

	@Test
	void theLockedAccountsPageIsForAdministratorsOnly() throws Exception {
		this.directory.create("curious-editor", "", "curious-password", Set.of(Role.EDITOR, Role.APPROVER));
		MockHttpSession editor = SignIn.as(this.mvc, "curious-editor", "curious-password");
		this.mvc.perform(get("/admin/users/locked").session(editor)).andExpect(status().isForbidden());
	}

	@Test
	void httpBasicOnMetricsCountsTowardsTheSameLockAndIsRefusedWhileLocked() throws Exception {
		this.directory.create("scraper", "", "scraper-password", Set.of(Role.ADMIN));
		String address = SignIn.newAddress();
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(get("/actuator/prometheus").with(httpBasic("scraper", "wrong-password-" + i))
					.with(SignIn.from(address)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("scraper", "scraper-password"))
				.with(SignIn.from(address)))
			.andExpect(status().isTooManyRequests());
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "scraper", "scraper-password", address));
		this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("scraper", "scraper-password"))
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(15));
		this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("scraper", "scraper-password"))
				.with(SignIn.from(address)))
			.andExpect(status().isOk());
	}

}
