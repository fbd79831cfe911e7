package vn.bantin.account;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.SignIn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated wrong passwords lock a user name at the login form, whatever the password,
 * until the lock has passed.
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
	void fiveWrongPasswordsRefuseEvenTheRightOneUntilTheLockHasPassed() throws Exception {
		this.directory.create("guessed", "", "guessed-password", Set.of(Role.EDITOR));
		for (int i = 0; i < 5; i++) {
			redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "guessed", "wrong-password-" + i));
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "guessed", "guessed-password"));
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "GUESSED", "guessed-password"));
		this.clock.advance(Duration.ofMinutes(14));
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "guessed", "guessed-password"));
		this.clock.advance(Duration.ofMinutes(1));
		SignIn.as(this.mvc, "guessed", "guessed-password");
	}

	@Test
	void fourWrongPasswordsStillLetTheRightOneIn() throws Exception {
		this.directory.create("mistyped", "", "mistyped-password", Set.of(Role.EDITOR));
		for (int i = 0; i < 4; i++) {
			redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "mistyped", "wrong-password-" + i));
		}
		SignIn.as(this.mvc, "mistyped", "mistyped-password");
	}

	@Test
	void lockedNameDoesNotLockOtherUsers() throws Exception {
		this.directory.create("neighbour", "", "neighbour-password", Set.of(Role.EDITOR));
		for (int i = 0; i < 5; i++) {
			SignIn.attempt(this.mvc, "attacked", "wrong-password-" + i);
		}
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "attacked", "whatever"));
		SignIn.as(this.mvc, "neighbour", "neighbour-password");
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
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isTooManyRequests());
		redirectedUrl("/login?locked").match(SignIn.attempt(this.mvc, "scraper", "scraper-password"));
		this.clock.advance(Duration.ofMinutes(15));
		this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("scraper", "scraper-password"))
				.with(SignIn.from(SignIn.newAddress())))
			.andExpect(status().isOk());
	}

}
