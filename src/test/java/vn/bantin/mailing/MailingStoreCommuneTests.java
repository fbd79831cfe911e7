package vn.bantin.mailing;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

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
import vn.bantin.subscription.Audience;
import vn.bantin.system.CurrentCommune;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.annotation.Propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.TwoCommunes.A;
import static vn.bantin.TwoCommunes.B;
import static vn.bantin.TwoCommunes.in;

/**
 * What could reach commune B from commune A through the mailing store? Nothing: work in
 * B's scope never reads, claims, settles, recovers, completes, pauses or cancels A's
 * mailings and deliveries (and the other way round), even when it names A's ids; only the
 * dispatcher's picks across communes see both. On H2 and on PostgreSQL (each test rolls
 * back).
 */
class MailingStoreCommuneTests {

	private static final Instant NOW = Instant.parse("2025-03-10T06:00:00Z");

	/**
	 * After every claim a check makes: claims are dated by the database's clock, today.
	 */
	private static final Instant AFTER_EVERY_CLAIM = Instant.now().plus(java.time.Duration.ofDays(1));

	@Nested
	@H2Database
	class OnH2 extends Checks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends Checks {

	}

	@PersistenceTest
	@Import(MailingStore.class)
	// no test transaction around the checks: each store call is a transaction of its own
	// in
	// the commune in scope, as in the application (a transaction keeps the commune it
	// began in)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class Checks {

		@Autowired
		MailingStore store;

		/**
		 * Statements of the test itself, outside the application's transactions, see
		 * every commune.
		 */
		JdbcTemplate jdbc;

		@Autowired
		void jdbc(DataSource dataSource) {
			this.jdbc = AllCommunes.jdbc(dataSource);
		}

		long mailingOfA;

		long mailingOfB;

		@BeforeEach
		void twoCommunesEachWithAMailing() {
			cleanUp();
			TwoCommunes.create(this.jdbc);
			this.mailingOfA = in(A, () -> mailing("same-origin", 3));
			this.mailingOfB = in(B, () -> mailing("same-origin", 2));
		}

		@AfterEach
		void cleanUp() {
			this.jdbc.update("DELETE FROM mailing WHERE origin_key = 'same-origin'");
			this.jdbc.update("DELETE FROM item WHERE id IN (?, ?)", "tin-" + A.id(), "tin-" + B.id());
			TwoCommunes.remove(this.jdbc);
		}

		private long mailing(String origin, int recipients) {
			long commune = CurrentCommune.id().orElseThrow();
			java.sql.Timestamp at = java.sql.Timestamp.from(NOW);
			this.jdbc
				.update("INSERT INTO item (id, kind, title, body_markdown, priority, status, channels, search_text,"
						+ " created_at, updated_at, version, commune_id) VALUES (?, 'NEWS', 'Tin', 'Nội dung', 'NORMAL',"
						+ " 'APPROVED', 'web,email', 'tin', ?, ?, 0, ?)", "tin-" + commune, at, at, commune);
			long id = this.store.insertMailing("tin-xa", MailingKind.MANUAL, origin, "Tiêu đề", NOW, "tester",
					List.of("tin-" + CurrentCommune.id().orElseThrow()));
			this.store.insertDeliveries(id,
					LongStream.rangeClosed(1, recipients)
						.mapToObj((n) -> new Audience.Recipient(n, "r" + n + "@example.vn", null, null))
						.toList());
			return id;
		}

		private List<Long> deliveryIds(long mailing) {
			return this.jdbc.queryForList("SELECT id FROM delivery WHERE mailing_id = ? ORDER BY id", Long.class,
					mailing);
		}

		@Test
		void rowsAreWrittenInTheirOwnCommune() {
			assertThat(this.jdbc.queryForObject("SELECT commune_id FROM mailing WHERE id = ?", Long.class,
					this.mailingOfB))
				.isEqualTo(B.id());
			assertThat(this.jdbc.queryForList("SELECT DISTINCT commune_id FROM delivery WHERE mailing_id = ?",
					Long.class, this.mailingOfB))
				.containsExactly(B.id());
			// a delivery cannot be added to another commune's mailing
			in(B, () -> {
				this.store.insertDeliveries(this.mailingOfA,
						List.of(new Audience.Recipient(9, "x@example.vn", null, null)));
				return null;
			});
			assertThat(deliveryIds(this.mailingOfA)).hasSize(3);
		}

		@Test
		void readsSeeOnlyTheCommuneInScope() {
			for (CurrentCommune.Scope[] pair : new CurrentCommune.Scope[][] { { A, B }, { B, A } }) {
				long own = (pair[0] == A) ? this.mailingOfA : this.mailingOfB;
				long other = (pair[0] == A) ? this.mailingOfB : this.mailingOfA;
				in(pair[0], () -> {
					assertThat(this.store.findByOrigin("same-origin")).contains(own);
					assertThat(this.store.mailing(other)).isEmpty();
					assertThat(this.store.latest(0, 100)).extracting(MailingStore.MailingRow::id)
						.contains(own)
						.doesNotContain(other);
					assertThat(this.store.countMailings()).isEqualTo(this.jdbc
						.queryForObject("SELECT COUNT(*) FROM mailing WHERE commune_id = ?", Long.class, pair[0].id()));
					assertThat(this.store.itemMailed("tin-" + pair[1].id(), "tin-xa")).isFalse();
					assertThat(this.store.itemMailed("tin-" + pair[0].id(), "tin-xa")).isTrue();
					assertThat(this.store.items(other)).isEmpty();
					assertThat(this.store.carried(other)).isEmpty();
					assertThat(this.store.counts(other).values()).allMatch((n) -> n == 0);
					assertThat(this.store.deliveries(other, null, 0, 100)).isEmpty();
					assertThat(this.store.deliveries(other, DeliveryStatus.PENDING, 0, 100)).isEmpty();
					assertThat(this.store.countDeliveries(other, null)).isZero();
					assertThat(this.store.countDeliveries(other, DeliveryStatus.PENDING)).isZero();
					for (long delivery : deliveryIds(other)) {
						assertThat(this.store.delivery(delivery)).isEmpty();
					}
					return null;
				});
			}
		}

		@Test
		void workInBNeverChangesTheRowsOfA() {
			List<Long> rowsOfA = deliveryIds(this.mailingOfA);
			in(A, () -> this.store.claim("worker-a", NOW, 10));
			// a worker of A's rows meets them in B's scope only by id: nothing changes
			in(B, () -> {
				assertThat(this.store.claim("worker-b", NOW, 100)).extracting(MailingStore.DeliveryRow::mailingId)
					.containsOnly(this.mailingOfB);
				for (long row : rowsOfA) {
					assertThat(this.store.markSending(row, "worker-a", "<x@y>")).isFalse();
					assertThat(this.store.settle(row, "worker-a", DeliveryStatus.SENT, 1, null, "250", NOW)).isFalse();
					this.store.release(row, "worker-a");
					assertThat(this.store.sendAgain(this.mailingOfA, row)).isFalse();
					assertThat(this.store.markSentByHand(this.mailingOfA, row, NOW, "by hand")).isFalse();
				}
				assertThat(this.store.releaseAll("worker-a")).isZero();
				assertThat(this.store.recover(AFTER_EVERY_CLAIM)).as("only B's own two claimed rows")
					.containsExactly(2, 0);
				assertThat(this.store.hold(this.mailingOfA, "x", List.of(), NOW)).isFalse();
				assertThat(this.store.changeStatus(this.mailingOfA, MailingStatus.RUNNING, MailingStatus.PAUSED))
					.isFalse();
				assertThat(this.store.retryFailed(this.mailingOfA)).isZero();
				assertThat(this.store.cancel(this.mailingOfA, NOW, "cancelled")).isEqualTo(-1);
				assertThat(this.store.resume(this.mailingOfA, List.of())).isFalse();
				return null;
			});
			assertThat(this.jdbc.queryForList("SELECT status FROM delivery WHERE mailing_id = ?", String.class,
					this.mailingOfA))
				.containsOnly("CLAIMED");
			assertThat(
					this.jdbc.queryForObject("SELECT status FROM mailing WHERE id = ?", String.class, this.mailingOfA))
				.isEqualTo("RUNNING");
			// and back in A's scope its own worker still holds them
			in(A, () -> {
				assertThat(this.store.releaseAll("worker-a")).isEqualTo(3);
				return null;
			});
		}

		@Test
		void completingInBLeavesAFinishedMailingOfAForA() {
			this.jdbc.update("UPDATE delivery SET status = 'SENT' WHERE mailing_id IN (?, ?)", this.mailingOfA,
					this.mailingOfB);
			assertThat(in(B, () -> this.store.completeFinished(NOW))).isEqualTo(1);
			assertThat(
					this.jdbc.queryForObject("SELECT status FROM mailing WHERE id = ?", String.class, this.mailingOfA))
				.isEqualTo("RUNNING");
			assertThat(CurrentCommune.acrossAll(() -> this.store.communesToComplete())).containsExactly(A.id());
		}

		@Test
		void theDispatchersPicksSeeEveryCommune() {
			assertThat(CurrentCommune.acrossAll(() -> this.store.communesWithDue(NOW))).containsExactly(A.id(), B.id());
			in(B, () -> this.store.claim("worker-b", NOW, 100));
			assertThat(CurrentCommune.acrossAll(() -> this.store.communesWithDue(NOW))).containsExactly(A.id());
			assertThat(CurrentCommune.acrossAll(() -> this.store.communesClaimedBy("worker-b")))
				.containsExactly(B.id());
			assertThat(CurrentCommune.acrossAll(() -> this.store.communesToRecover(AFTER_EVERY_CLAIM)))
				.containsExactly(B.id());
		}

	}

}
