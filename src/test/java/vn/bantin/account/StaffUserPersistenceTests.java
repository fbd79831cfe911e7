package vn.bantin.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Staff users are stored and read back unchanged, on H2 and on PostgreSQL.
 */
class StaffUserPersistenceTests {

	/**
	 * As a UTC wall-clock time, 02:30 on 10 March 2024 does not exist in New York (the
	 * clocks jumped from 02:00 to 03:00), the zone the tests run in.
	 */
	private static final Instant NEW_YORK_GAP = Instant.parse("2024-03-10T02:30:00.123456Z");

	/**
	 * As a UTC wall-clock time, 01:30 on 3 November 2024 happened twice in New York.
	 */
	private static final Instant NEW_YORK_OVERLAP = Instant.parse("2024-11-03T01:30:00.654321Z");

	@Nested
	@H2Database
	class OnH2 extends StaffUserChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends StaffUserChecks {

	}

	@PersistenceTest
	abstract static class StaffUserChecks {

		@Autowired
		StaffUserStore users;

		@Autowired
		TestEntityManager entities;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void userWithSeveralRolesIsReadBackWithExactlyThoseRoles() {
			this.users.save(user("tuan.nv", "Nguyễn Văn Tuấn", EnumSet.of(Role.EDITOR, Role.APPROVER)));
			this.users.save(user("hoa.lt", "Lê Thị Hoa", EnumSet.of(Role.OPERATOR)));
			this.users.save(user("admin", "Quản trị", EnumSet.allOf(Role.class)));
			this.entities.flush();
			this.entities.clear();

			StaffUser tuan = this.users.findByUsername("tuan.nv").orElseThrow();
			assertThat(tuan.getRoles()).containsExactly(Role.EDITOR, Role.APPROVER);
			assertThat(tuan.getDisplayName()).isEqualTo("Nguyễn Văn Tuấn");
			assertThat(tuan.getPasswordHash()).isEqualTo("{noop}tuan.nv-password");
			assertThat(tuan.isEnabled()).isTrue();
			assertThat(this.users.findByUsername("hoa.lt").orElseThrow().getRoles()).containsExactly(Role.OPERATOR);
			assertThat(this.users.findByUsername("admin").orElseThrow().getRoles())
				.containsExactlyInAnyOrder(Role.values());
			assertThat(this.users.findAllByOrderByUsername()).extracting(StaffUser::getUsername)
				.containsExactly("admin", "hoa.lt", "tuan.nv");
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user_grant", Integer.class))
				.isEqualTo(2 + 1 + Role.values().length);
		}

		@Test
		void changedRolesReplaceTheStoredOnes() {
			Long id = this.users.save(user("tuan.nv", "Nguyễn Văn Tuấn", EnumSet.of(Role.EDITOR, Role.APPROVER)))
				.getId();
			this.entities.flush();
			this.entities.clear();

			this.users.findById(id).orElseThrow().assignRoles(EnumSet.of(Role.APPROVER, Role.ADMIN));
			this.entities.flush();
			this.entities.clear();

			assertThat(this.users.findById(id).orElseThrow().getRoles()).containsExactly(Role.APPROVER, Role.ADMIN);
		}

		@Test
		void databaseRefusesASecondUserWithTheSameUsername() {
			this.users.saveAndFlush(user("tuan.nv", "Nguyễn Văn Tuấn", EnumSet.of(Role.EDITOR)));

			assertThatExceptionOfType(DataIntegrityViolationException.class)
				.isThrownBy(() -> this.users.saveAndFlush(user("tuan.nv", "Người khác", EnumSet.of(Role.OPERATOR))))
				.satisfies((ex) -> assertThat(ex.getMostSpecificCause().getMessage())
					.containsIgnoringCase("uk_app_user_username"));
		}

		@Test
		void instantsAreStoredInUtcAndReadBackEqualWhateverTheJvmZone() {
			StaffUser saved = this.users
				.save(new StaffUser("tuan.nv", "Nguyễn Văn Tuấn", "{noop}x", EnumSet.of(Role.EDITOR), NEW_YORK_GAP));
			saved.changePassword("{noop}y", NEW_YORK_OVERLAP);
			this.entities.flush();
			this.entities.clear();

			StaffUser read = this.users.findByUsername("tuan.nv").orElseThrow();
			assertThat(read.getCreatedAt()).isEqualTo(NEW_YORK_GAP);
			assertThat(read.getPasswordChangedAt()).isEqualTo(NEW_YORK_OVERLAP);
			// the database itself holds the same instants, not shifted by a zone on the
			// way
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM app_user WHERE username = 'tuan.nv'"
							+ " AND created_at = TIMESTAMP WITH TIME ZONE '2024-03-10 02:30:00.123456+00:00'"
							+ " AND password_changed_at = TIMESTAMP WITH TIME ZONE '2024-11-03 01:30:00.654321+00:00'",
					Integer.class))
				.isEqualTo(1);
		}

		private static StaffUser user(String username, String displayName, Set<Role> roles) {
			return new StaffUser(username, displayName, "{noop}" + username + "-password", roles,
					Instant.parse("2025-01-02T03:04:05Z"));
		}

	}

}
