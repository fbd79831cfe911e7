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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.subscription.Audience;

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

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		PlatformTransactionManager transactions;

		private final List<String> origins = new ArrayList<>();

		@AfterEach
		void cleanUp() {
			for (String origin : this.origins) {
				this.jdbc.update(
						"DELETE FROM delivery WHERE mailing_id IN (SELECT id FROM mailing WHERE origin_key = ?)",
						origin);
				this.jdbc.update("DELETE FROM mailing WHERE origin_key = ?", origin);
			}
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
		void recoveryPutsStaleClaimsBackAndMakesInterruptedSendsUncertain() {
			long mailing = mailing(3);
			List<MailingStore.DeliveryRow> rows = claim("gone", NOW, 10).stream()
				.filter((r) -> r.mailingId() == mailing)
				.toList();
			tx().execute((status) -> this.store.markSending(rows.get(0).id(), "gone", NOW, "<d1@x>"));
			// the third row is claimed by a live worker just now
			this.jdbc.update("UPDATE delivery SET claimed_at = ? WHERE id = ?",
					MailingStore.at(NOW.plus(Duration.ofMinutes(5))), rows.get(2).id());

			tx().execute((status) -> this.store.recover(NOW.plus(Duration.ofMinutes(1))));

			assertThat(this.store.delivery(rows.get(0).id()).orElseThrow().status())
				.isEqualTo(DeliveryStatus.UNCERTAIN);
			assertThat(this.store.delivery(rows.get(1).id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(this.store.delivery(rows.get(2).id()).orElseThrow().status()).isEqualTo(DeliveryStatus.CLAIMED);
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
		void writingTenThousandRecipientsIsFast() {
			long started = System.nanoTime();
			long mailing = mailing(10_000);
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(this.store.countDeliveries(mailing, DeliveryStatus.PENDING)).isEqualTo(10_000);
			assertThat(millis).isLessThan(20_000);
		}

	}

}
