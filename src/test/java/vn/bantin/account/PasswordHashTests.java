package vn.bantin.account;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Passwords of any length are pre-hashed before bcrypt ({@link PreHashedBcrypt}); hashes
 * made before that still sign in and are replaced at the next sign-in.
 */
@BantinWebTest
class PasswordHashTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	@Autowired
	StaffUserStore users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void newHashesArePreHashedBcrypt() {
		StaffUser user = this.directory.create("hash-new", "", "mật khẩu dài dài", Set.of(Role.EDITOR));
		assertThat(stored(user).getPasswordHash()).startsWith("{bcrypt-sha256}$2a$10$");
		assertThat(this.passwordEncoder.matches("mật khẩu dài dài", stored(user).getPasswordHash())).isTrue();
	}

	/**
	 * The upgrade path: a {@code {bcrypt}} hash of an installation from before still
	 * signs in, and is rewritten as {@code {bcrypt-sha256}} then; the password and the
	 * time it was changed stay.
	 */
	@Test
	void anOldBcryptHashSignsInAndIsUpgradedThen() throws Exception {
		StaffUser user = this.directory.create("hash-old", "", "placeholder-password", Set.of(Role.EDITOR));
		String legacy = "{bcrypt}" + new BCryptPasswordEncoder().encode("mật khẩu cũ của tôi");
		Instant changed = setHash(user, legacy);

		SignIn.as(this.mvc, "hash-old", "mật khẩu cũ của tôi");

		StaffUser upgraded = stored(user);
		assertThat(upgraded.getPasswordHash()).startsWith("{bcrypt-sha256}");
		assertThat(upgraded.getPasswordChangedAt()).isEqualTo(changed);
		SignIn.as(this.mvc, "hash-old", "mật khẩu cũ của tôi");
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "hash-old", "mật khẩu khác"));
	}

	/** Signing in with 80 bytes against an old hash is a wrong password, not a 500. */
	@Test
	void aLongPasswordAgainstAnOldHashIsAWrongPassword() throws Exception {
		StaffUser user = this.directory.create("hash-old-long", "", "placeholder-password", Set.of(Role.EDITOR));
		setHash(user, "{bcrypt}" + new BCryptPasswordEncoder().encode("short-old-password"));
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "hash-old-long", "Ä".repeat(40)));
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "no-such-user", "Ä".repeat(40)));
		SignIn.as(this.mvc, "hash-old-long", "short-old-password");
	}

	/** Only hashes Bản tin makes are accepted: a stored {noop} "hash" matches nothing. */
	@Test
	void aHashOfAnotherKindNeverMatches() throws Exception {
		StaffUser user = this.directory.create("hash-noop", "", "placeholder-password", Set.of(Role.EDITOR));
		setHash(user, "{noop}plain-text-password");
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "hash-noop", "plain-text-password"));
		setHash(user, "no-prefix-at-all");
		redirectedUrl("/login?error").match(SignIn.attempt(this.mvc, "hash-noop", "no-prefix-at-all"));
	}

	private Instant setHash(StaffUser user, String hash) {
		return this.transactions.execute((status) -> {
			StaffUser stored = this.users.findById(user.getId()).orElseThrow();
			stored.rehash(hash);
			return stored.getPasswordChangedAt();
		});
	}

	private StaffUser stored(StaffUser user) {
		return this.users.findById(user.getId()).orElseThrow();
	}

}
