package vn.bantin.mailing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.subscription.Audience;
import vn.bantin.system.CurrentCommune;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery rows as a work queue, on H2 and on PostgreSQL: claimers working at once never
 * get the same row, paused mailings are not claimed, retries wait for their time, rows of
 * a crashed worker are recovered (claimed ones pending again, sending ones uncertain),
 * and a mailing completes only when nothing is left to send. The checks commit, so they
 * clean up after themselves.
 */
class MailingStorePersistenceTests {

	private static final Instant NOW = Instant.parse("2025-03-10T06:00:00Z");

	@Nested
	@H2Database
	class OnH2 extends StoreChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends StoreChecks {

	}

	@PersistenceTest
	@Import(MailingStore.class)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class StoreChecks {

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

		@Autowired
		PlatformTransactionManager transactions;

		private final List<String> origins = new ArrayList<>();

		private final List<String> items = new ArrayList<>();

		@AfterEach
		void cleanUp() {
			for (String origin : this.origins) {
				this.jdbc.update(
						"DELETE FROM delivery WHERE mailing_id IN (SELECT id FROM mailing WHERE origin_key = ?)",
						origin);
				this.jdbc.update(
						"DELETE FROM mailing_item WHERE mailing_id IN (SELECT id FROM mailing WHERE origin_key = ?)",
						origin);
				this.jdbc.update("DELETE FROM mailing WHERE origin_key = ?", origin);
			}
			for (String item : this.items) {
				this.jdbc.update("DELETE FROM item WHERE id = ?", item);
			}
		}

		String origin() {
			String origin = "test:" + java.util.UUID.randomUUID();
			this.origins.add(origin);
			return origin;
		}

		/** An approved item, for the mailings that carry one. */
		String item() {
			String id = "mailing-test-" + java.util.UUID.randomUUID();
			this.items.add(id);
			java.sql.Timestamp now = java.sql.Timestamp.from(NOW);
			this.jdbc
				.update("INSERT INTO item (commune_id, id, kind, title, body_markdown, priority, status, channels, search_text,"
						+ " created_at, updated_at, version) VALUES (1, ?, 'NEWS', 'Tin thử', 'Nội dung', 'NORMAL', 'APPROVED',"
						+ " 'web,email', 'tin thu', ?, ?, 0)", id, now, now);
			return id;
		}

		long mailing(int recipients) {
			String origin = "test:" + java.util.UUID.randomUUID();
			this.origins.add(origin);
			return tx().execute((status) -> {
				long id = this.store.insertMailing("list-test", MailingKind.MANUAL, origin, "Tiêu đề", NOW, "tester",
						List.of());
				this.store.insertDeliveries(id,
						LongStream.rangeClosed(1, recipients)
							.mapToObj((n) -> new Audience.Recipient(n, "r" + n + "@example.vn", "Người " + n, null))
							.toList());
				return id;
			});
		}

		TransactionTemplate tx() {
			return new TransactionTemplate(this.transactions);
		}

		boolean changed(java.util.function.Supplier<Boolean> work) {
			return Boolean.TRUE.equals(tx().execute((status) -> work.get()));
		}

		int counted(java.util.function.Supplier<Integer> work) {
			Integer count = tx().execute((status) -> work.get());
			return (count != null) ? count : 0;
		}

		List<MailingStore.DeliveryRow> claim(String worker, Instant now, int limit) {
			return tx().execute((status) -> this.store.claim(worker, now, limit));
		}

		@Test
		void fourClaimersAtOnceNeverGetTheSameRowAndTogetherGetEveryRow() throws Exception {
			long mailing = mailing(2000);
			int threads = 4;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				List<Future<List<Long>>> results = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					String worker = "worker-" + i;
					Callable<List<Long>> claiming = () -> {
						start.await();
						List<Long> mine = new ArrayList<>();
						while (true) {
							List<MailingStore.DeliveryRow> batch = claim(worker, NOW, 37);
							if (batch.isEmpty()) {
								return mine;
							}
							batch.forEach((row) -> {
								assertThat(row.claimedBy()).isEqualTo(worker);
								mine.add(row.id());
							});
						}
					};
					results.add(executor.submit(claiming));
				}
				start.countDown();
				List<Long> all = new ArrayList<>();
				for (Future<List<Long>> result : results) {
					all.addAll(result.get(60, TimeUnit.SECONDS));
				}
				assertThat(all).hasSize(2000).doesNotHaveDuplicates();
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(this.store.counts(mailing).get(DeliveryStatus.CLAIMED)).isEqualTo(2000);
		}

		@Test
		void aPausedMailingIsNotClaimedUntilResumed() {
			long mailing = mailing(3);
			tx().execute((status) -> this.store.changeStatus(mailing, MailingStatus.RUNNING, MailingStatus.PAUSED));

			assertThat(claim("w", NOW, 10)).noneMatch((row) -> row.mailingId() == mailing);

			tx().execute((status) -> this.store.changeStatus(mailing, MailingStatus.PAUSED, MailingStatus.RUNNING));
			assertThat(claim("w", NOW, 10)).filteredOn((row) -> row.mailingId() == mailing).hasSize(3);
		}

		@Test
		void aRetryIsClaimedOnlyOnceItsTimeHasCome() {
			long mailing = mailing(1);
			MailingStore.DeliveryRow row = claim("w", NOW, 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.findFirst()
				.orElseThrow();
			tx().execute((status) -> this.store.settle(row.id(), "w", DeliveryStatus.RETRY, 1,
					NOW.plus(Duration.ofMinutes(1)), "421 try later", null));

			assertThat(claim("w", NOW.plusSeconds(59), 10)).noneMatch((r) -> r.mailingId() == mailing);
			assertThat(claim("w", NOW.plusSeconds(60), 10)).filteredOn((r) -> r.mailingId() == mailing)
				.singleElement()
				.satisfies((r) -> assertThat(r.attempts()).isEqualTo(1));
		}

		@Test
		void claimsAreDatedByTheDatabasesClockNotByTheTimeTheWorkerGives() {
			long mailing = mailing(1);
			Instant before = databaseNow();
			MailingStore.DeliveryRow row = claim("node-a/mail-0", NOW, 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.findFirst()
				.orElseThrow();
			assertThat(row.claimedAt()).isBetween(before.minusSeconds(1), databaseNow().plusSeconds(1));
			this.jdbc.update("UPDATE delivery SET claimed_at = claimed_at - INTERVAL '5' MINUTE WHERE id = ?",
					row.id());
			tx().execute((status) -> this.store.markSending(row.id(), "node-a/mail-0", "<d@x>"));
			assertThat(this.store.delivery(row.id()).orElseThrow().claimedAt()).as("dated again at the hand-over")
				.isAfterOrEqualTo(before.minusSeconds(1));
		}

		@Test
		void aGoneNodesRowsAreRecoveredAtOnceALiveNodesOnlyOnceTheirClaimIsStale() {
			long mailing = mailing(4);
			List<MailingStore.DeliveryRow> rows = claim("live:8080/mail-0", NOW, 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.toList();
			this.jdbc.update("UPDATE delivery SET claimed_by = 'gone:8080/mail-1' WHERE id IN (?, ?)", rows.get(0).id(),
					rows.get(1).id());
			tx().execute((status) -> this.store.markSending(rows.get(0).id(), "gone:8080/mail-1", "<d0@x>"));
			tx().execute((status) -> this.store.markSending(rows.get(2).id(), "live:8080/mail-0", "<d2@x>"));
			assertThat(CurrentCommune.acrossAll(() -> this.store.claimers())).contains("gone:8080/mail-1",
					"live:8080/mail-0");

			tx().execute((status) -> this.store.recover(databaseNow().minus(Duration.ofMinutes(1)),
					List.of("gone:8080/mail-1")));

			assertThat(status(rows.get(0))).as("sending on a gone node").isEqualTo(DeliveryStatus.UNCERTAIN);
			assertThat(status(rows.get(1))).as("claimed on a gone node").isEqualTo(DeliveryStatus.PENDING);
			assertThat(status(rows.get(2))).as("sending on a live node").isEqualTo(DeliveryStatus.SENDING);
			assertThat(status(rows.get(3))).as("claimed on a live node").isEqualTo(DeliveryStatus.CLAIMED);

			// the live node's claims age past stale-after, by the database's clock
			this.jdbc.update("UPDATE delivery SET claimed_at = claimed_at - INTERVAL '2' MINUTE WHERE id IN (?, ?)",
					rows.get(2).id(), rows.get(3).id());
			tx().execute((status) -> this.store.recover(databaseNow().minus(Duration.ofMinutes(1)), List.of()));

			assertThat(status(rows.get(2))).isEqualTo(DeliveryStatus.UNCERTAIN);
			assertThat(status(rows.get(3))).isEqualTo(DeliveryStatus.PENDING);
			assertThat(changed(() -> this.store.settle(rows.get(2).id(), "live:8080/mail-0", DeliveryStatus.SENT, 1,
					null, "250 OK", NOW)))
				.as("the stuck worker's late answer changes nothing")
				.isFalse();
		}

		DeliveryStatus status(MailingStore.DeliveryRow row) {
			return this.store.delivery(row.id()).orElseThrow().status();
		}

		Instant databaseNow() {
			return this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", java.time.OffsetDateTime.class).toInstant();
		}

		@Test
		void aMailingCompletesOnlyWhenNoRowIsLeftToSend() {
			long mailing = mailing(2);
			List<MailingStore.DeliveryRow> rows = claim("w", NOW, 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.toList();
			tx().execute(
					(status) -> this.store.settle(rows.get(0).id(), "w", DeliveryStatus.SENT, 1, null, "250 OK", NOW));
			tx().execute((status) -> this.store.settle(rows.get(1).id(), "w", DeliveryStatus.RETRY, 1,
					NOW.plusSeconds(60), "421", null));
			tx().execute((status) -> this.store.completeFinished(NOW));
			assertThat(this.store.mailing(mailing).orElseThrow().status()).isEqualTo(MailingStatus.RUNNING);

			MailingStore.DeliveryRow retry = claim("w", NOW.plusSeconds(60), 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.findFirst()
				.orElseThrow();
			tx().execute(
					(status) -> this.store.settle(retry.id(), "w", DeliveryStatus.FAILED, 2, null, "550 no", null));
			tx().execute((status) -> this.store.completeFinished(NOW));
			assertThat(this.store.mailing(mailing).orElseThrow().status()).isEqualTo(MailingStatus.COMPLETED);
		}

		@Test
		void aMailingKeepsTheApprovalOfEachItemItCarriesAndTheReasonItWasSentAgain() {
			String item = item();
			Instant approval = Instant.parse("2025-03-10T05:59:58.123456Z");
			long mailing = tx().execute((status) -> this.store.insertMailing("list-test", MailingKind.MANUAL, origin(),
					"Tiêu đề", NOW, "duyet", List.of(new MailingStore.CarriedItem(item, approval)),
					"Gửi bổ sung cho trưởng thôn mới", List.of()));

			assertThat(this.store.carried(mailing)).containsExactly(new MailingStore.CarriedItem(item, approval));
			MailingStore.MailingRow row = this.store.mailing(mailing).orElseThrow();
			assertThat(row.againReason()).isEqualTo("Gửi bổ sung cho trưởng thôn mới");
			assertThat(row.status()).isEqualTo(MailingStatus.RUNNING);
			assertThat(row.heldReason()).isNull();
			assertThat(row.heldItems()).isEmpty();
		}

		@Test
		void aHeldMailingIsNotClaimedAndResumesCarryingTheNewApproval() {
			String item = item();
			Instant approval = Instant.parse("2025-03-10T05:59:58.123456Z");
			long mailing = tx().execute((status) -> {
				long id = this.store.insertMailing("list-test", MailingKind.MANUAL, origin(), "Tiêu đề", NOW, null,
						List.of(new MailingStore.CarriedItem(item, approval)), null, List.of());
				this.store.insertDeliveries(id, List.of(new Audience.Recipient(1, "a@example.vn", null, null)));
				return id;
			});

			assertThat(changed(
					() -> this.store.hold(mailing, MailingStore.ITEM_NOT_APPROVED, List.of(item), NOW.plusSeconds(5))))
				.isTrue();
			assertThat(changed(
					() -> this.store.hold(mailing, MailingStore.ITEM_NOT_APPROVED, List.of(item), NOW.plusSeconds(6))))
				.as("held once")
				.isFalse();
			MailingStore.MailingRow held = this.store.mailing(mailing).orElseThrow();
			assertThat(held.status()).isEqualTo(MailingStatus.PAUSED);
			assertThat(held.heldReason()).isEqualTo("item-not-approved");
			assertThat(held.heldItems()).containsExactly(item);
			assertThat(held.heldAt()).isEqualTo(NOW.plusSeconds(5));
			assertThat(claim("w", NOW, 10)).noneMatch((row) -> row.mailingId() == mailing);

			Instant again = Instant.parse("2025-03-10T07:00:01.654321Z");
			assertThat(changed(() -> this.store.resume(mailing, List.of(new MailingStore.CarriedItem(item, again)))))
				.isTrue();
			MailingStore.MailingRow resumed = this.store.mailing(mailing).orElseThrow();
			assertThat(resumed.status()).isEqualTo(MailingStatus.RUNNING);
			assertThat(resumed.heldReason()).isNull();
			assertThat(resumed.heldAt()).isNull();
			assertThat(this.store.carried(mailing)).containsExactly(new MailingStore.CarriedItem(item, again));
			assertThat(claim("w", NOW, 10)).filteredOn((row) -> row.mailingId() == mailing).hasSize(1);
		}

		@Test
		void aMailingMadeForAnItemNotApprovedNowIsHeldFromTheStart() {
			String item = item();
			long mailing = tx().execute((status) -> {
				long id = this.store.insertMailing("list-test", MailingKind.ON_PUBLISH, origin(), "Tiêu đề", NOW, null,
						List.of(new MailingStore.CarriedItem(item, null)), null, List.of(item));
				this.store.insertDeliveries(id, List.of(new Audience.Recipient(1, "a@example.vn", null, null)));
				return id;
			});

			MailingStore.MailingRow row = this.store.mailing(mailing).orElseThrow();
			assertThat(row.status()).isEqualTo(MailingStatus.PAUSED);
			assertThat(row.heldItems()).containsExactly(item);
			assertThat(row.heldAt()).isEqualTo(NOW);
			assertThat(claim("w", NOW, 10)).noneMatch((r) -> r.mailingId() == mailing);
		}

		@Test
		void cancellingSkipsWhatWasNotSentAndLeavesWhatWentOut() {
			long mailing = mailing(4);
			List<MailingStore.DeliveryRow> rows = claim("w", NOW, 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.toList();
			tx().execute(
					(status) -> this.store.settle(rows.get(0).id(), "w", DeliveryStatus.SENT, 1, null, "250 OK", NOW));
			tx().execute((status) -> this.store.markSending(rows.get(1).id(), "w", "<d@x>"));
			tx().execute((status) -> this.store.settle(rows.get(2).id(), "w", DeliveryStatus.RETRY, 1,
					NOW.plusSeconds(60), "421", null));
			// the fourth stays claimed by the worker

			assertThat(counted(() -> this.store.cancel(mailing, NOW, "cancelled by duyet"))).isEqualTo(2);

			assertThat(this.store.mailing(mailing).orElseThrow().status()).isEqualTo(MailingStatus.CANCELLED);
			assertThat(this.store.counts(mailing)).containsEntry(DeliveryStatus.SENT, 1L)
				.containsEntry(DeliveryStatus.SENDING, 1L)
				.containsEntry(DeliveryStatus.SKIPPED, 2L);
			assertThat(changed(() -> this.store.markSending(rows.get(3).id(), "w", "<d@y>")))
				.as("a worker's claimed row is no longer sent")
				.isFalse();
			assertThat(counted(() -> this.store.cancel(mailing, NOW, "again"))).isEqualTo(-1);
			assertThat(claim("w", NOW.plusSeconds(120), 10)).noneMatch((r) -> r.mailingId() == mailing);
		}

		@Test
		void writingTenThousandRecipientsIsFast() {
			long started = System.nanoTime();
			long mailing = mailing(10_000);
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(this.store.countDeliveries(mailing, DeliveryStatus.PENDING)).isEqualTo(10_000);
			assertThat(millis).isLessThan(20_000);
		}

	}

}
