package vn.bantin.subscription;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.TwoCommunes;
import vn.bantin.system.CurrentCommune;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.TwoCommunes.A;
import static vn.bantin.TwoCommunes.B;
import static vn.bantin.TwoCommunes.in;

/**
 * What could reach commune B from commune A through the subscription stores? The same
 * resident (same address) subscribed in both communes: the recipients, the preference
 * generations and the suppressions of one are never read or changed by work in the other.
 * In particular, lifting a suppression in A (the resident signed up again there) leaves
 * B's suppression of the same address and list in place: otherwise A could re-subscribe a
 * resident who left B. On H2 and on PostgreSQL (each step in a transaction of its own, as
 * requests are).
 */
class SubscriptionCommuneTests {

	private static final Instant NOW = Instant.parse("2025-03-10T06:00:00Z");

	private static final String ADDRESS = "cu.dan@example.vn";

	@Nested
	@H2Database
	class OnH2 extends Checks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends Checks {

	}

	@PersistenceTest
	@Import({ PreferenceGenerations.class })
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class Checks {

		@Autowired
		PlatformTransactionManager transactions;

		/**
		 * Work in a scope, in a transaction (and persistence context) of its own, as a
		 * request does.
		 */
		<T> T inTx(vn.bantin.system.CurrentCommune.Scope scope, java.util.function.Supplier<T> work) {
			return in(scope, () -> new TransactionTemplate(this.transactions).execute((status) -> work.get()));
		}

		@AfterEach
		void cleanUp() {
			this.jdbc.update("DELETE FROM suppression WHERE address_key = ?", ADDRESS);
			this.jdbc.update(
					"DELETE FROM subscription WHERE subscriber_id IN (SELECT id FROM subscriber WHERE address_key = ?)",
					ADDRESS);
			this.jdbc.update("DELETE FROM subscriber WHERE address_key = ?", ADDRESS);
			TwoCommunes.remove(this.jdbc);
		}

		@Autowired
		SuppressionStore suppressions;

		@Autowired
		PreferenceGenerations generations;

		/**
		 * Statements of the test itself, outside the application's transactions, see
		 * every commune.
		 */
		JdbcTemplate jdbc;

		@Autowired
		void jdbc(DataSource dataSource) {
			this.jdbc = AllCommunes.jdbc(dataSource);
		}

		@Autowired
		vn.bantin.system.CommuneTenancy tenancy;

		long inA;

		long inB;

		@BeforeEach
		void theSameResidentInBothCommunes() {
			TwoCommunes.create(this.jdbc);
			this.inA = subscriber(A.id());
			this.inB = subscriber(B.id());
		}

		private long subscriber(long commune) {
			Timestamp now = Timestamp.from(NOW);
			this.jdbc.update(
					"INSERT INTO subscriber (address, address_key, status, consent_source, consent_at, "
							+ "created_at, commune_id) VALUES (?, ?, 'CONFIRMED', 'test', ?, ?, ?)",
					ADDRESS, ADDRESS, now, now, commune);
			long id = this.jdbc.queryForObject("SELECT id FROM subscriber WHERE address_key = ? AND commune_id = ?",
					Long.class, ADDRESS, commune);
			this.jdbc.update("INSERT INTO subscription (subscriber_id, list_key, source, created_at, commune_id) "
					+ "VALUES (?, 'tin-xa', 'test', ?, ?)", id, now, commune);
			return id;
		}

		private Audience audience() {
			return new Audience(this.jdbc, null, this.suppressions, null, null, null, this.tenancy);
		}

		@Test
		void liftingASuppressionInALeavesTheSameSuppressionOfB() {
			String list = "tin-xa";
			in(A, () -> this.suppressions
				.saveAndFlush(new Suppression(ADDRESS, "tin-xa", Suppression.Reason.LEFT, "left A", NOW)));
			in(B, () -> this.suppressions
				.saveAndFlush(new Suppression(ADDRESS, "tin-xa", Suppression.Reason.LEFT, "left B", NOW)));

			inTx(A, () -> {
				assertThat(this.suppressions.findByAddressKeyAndListKey(ADDRESS, list)).map(Suppression::detail)
					.contains("left A");
				assertThat(this.suppressions.findByAddressKey(ADDRESS)).extracting(Suppression::detail)
					.containsExactly("left A");
				this.suppressions.findByAddressKeyAndListKey(ADDRESS, list).ifPresent(this.suppressions::delete);
				this.suppressions.flush();
				return null;
			});

			assertThat(this.jdbc.queryForList("SELECT commune_id FROM suppression WHERE address_key = ?", Long.class,
					ADDRESS))
				.containsExactly(B.id());
			inTx(B, () -> {
				assertThat(this.suppressions.existsByAddressKeyAndListKey(ADDRESS, list)).isTrue();
				assertThat(this.suppressions.findByAddressKeyAndListKey(ADDRESS, list)).map(Suppression::detail)
					.contains("left B");
				return null;
			});
			inTx(A, () -> {
				assertThat(this.suppressions.existsByAddressKeyAndListKey(ADDRESS, list)).isFalse();
				return null;
			});
		}

		@Test
		void removingTheEntityOfAOnlyRemovesTheRowOfA() {
			String list = Suppression.ALL_LISTS;
			in(B, () -> this.suppressions
				.saveAndFlush(new Suppression(ADDRESS, Suppression.ALL_LISTS, Suppression.Reason.BOUNCED, "B", NOW)));
			in(A, () -> this.suppressions
				.saveAndFlush(new Suppression(ADDRESS, Suppression.ALL_LISTS, Suppression.Reason.STAFF, "A", NOW)));
			inTx(A, () -> {
				this.suppressions.delete(this.suppressions.findByAddressKeyAndListKey(ADDRESS, list).orElseThrow());
				this.suppressions.deleteAllInBatch(this.suppressions.findByAddressKey(ADDRESS));
				this.suppressions.flush();
				return null;
			});
			assertThat(this.jdbc.queryForList("SELECT detail FROM suppression WHERE address_key = ?", String.class,
					ADDRESS))
				.containsExactly("B");
		}

		@Test
		void recipientsAndSuppressionsOfBAreNotThoseOfA() {
			this.jdbc.update("INSERT INTO suppression (address_key, list_key, reason, created_at, commune_id) "
					+ "VALUES (?, 'tin-xa', 'LEFT', ?, ?)", ADDRESS, Timestamp.from(NOW), B.id());
			in(A, () -> {
				assertThat(audience().recipients("tin-xa")).extracting(Audience.Recipient::id)
					.containsExactly(this.inA);
				assertThat(audience().stillReceiving("tin-xa", List.of(this.inA, this.inB))).containsExactly(this.inA);
				return null;
			});
			in(B, () -> {
				assertThat(audience().recipients("tin-xa")).as("suppressed in B only").isEmpty();
				assertThat(audience().stillReceiving("tin-xa", List.of(this.inA, this.inB))).isEmpty();
				return null;
			});
		}

		@Test
		void preferenceGenerationsOfBAreNotReadOrRevokedFromA() {
			in(A, () -> {
				assertThat(this.generations.ofConfirmed(this.inB)).isEmpty();
				assertThat(this.generations.addressOfConfirmed(this.inB)).isEmpty();
				assertThat(this.generations.confirmedWithAddress(ADDRESS)).contains(this.inA);
				assertThat(this.generations.revoke(this.inB)).isEmpty();
				return null;
			});
			assertThat(this.jdbc.queryForObject("SELECT preferences_generation FROM subscriber WHERE id = ?",
					Long.class, this.inB))
				.isZero();
			assertThat(CurrentCommune.call(B, () -> this.generations.confirmedWithAddress(ADDRESS))).contains(this.inB);
		}

	}

}
