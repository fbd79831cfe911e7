package vn.bantin.radio;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current-playlist secrets on H2 and on PostgreSQL: only the hash is stored, a secret
 * is valid until revoked, revoking keeps its first time, and a wrong or foreign secret (a
 * calendar feed's) is never valid.
 */
class RadioTokenPersistenceTests {

	@Nested
	@H2Database
	class OnH2 extends TokenChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends TokenChecks {

	}

	@PersistenceTest
	@Import(RadioTokens.class)
	abstract static class TokenChecks {

		@Autowired
		RadioTokens tokens;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void aSecretIsValidUntilRevokedAndOnlyItsHashIsStored() {
			RadioTokens.Issued issued = this.tokens.create("  Loa IP thôn Đông Sơn ", "admin");
			assertThat(issued.secret()).startsWith(RadioTokens.SECRET_START).hasSize(6 + 43);
			assertThat(this.tokens.valid(issued.secret())).isTrue();
			assertThat(this.tokens.valid(issued.secret() + "a")).isFalse();
			assertThat(this.tokens.valid("cal_" + issued.secret().substring(6))).isFalse();
			assertThat(this.tokens.valid(null)).isFalse();
			List<String> stored = this.jdbc.queryForList("SELECT token_hash FROM radio_token", String.class);
			assertThat(stored).contains(RadioTokens.hash(issued.secret())).doesNotContain(issued.secret());

			assertThat(this.tokens.all()).extracting(RadioTokens.Listed::label).contains("Loa IP thôn Đông Sơn");
			assertThat(this.tokens.revoke(issued.id())).isTrue();
			assertThat(this.tokens.valid(issued.secret())).isFalse();
			RadioTokens.Listed revoked = this.tokens.all()
				.stream()
				.filter((token) -> token.id() == issued.id())
				.findFirst()
				.orElseThrow();
			assertThat(revoked.revoked()).isTrue();
			assertThat(this.tokens.revoke(issued.id())).isTrue();
			assertThat(
					this.tokens.all().stream().filter((token) -> token.id() == issued.id()).findFirst().orElseThrow())
				.isEqualTo(revoked);
			assertThat(this.tokens.revoke(-1)).isFalse();
		}

	}

}
