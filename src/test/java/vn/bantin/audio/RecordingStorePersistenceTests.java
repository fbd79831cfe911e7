package vn.bantin.audio;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processing table on H2 and PostgreSQL: a queued row is taken by one claimer only
 * (also when many claim at once, over and over), measurements and instants survive the
 * round trip, a cache key finds its processing; and the claims of several nodes: a gone
 * node's processing goes back to the queue at once, a live node's only once its claim was
 * not refreshed for stale-after (by the database's clock), and a worker whose processing
 * was taken over changes nothing, so a processing finishes once.
 */
class RecordingStorePersistenceTests {

	private static final Instant AT = Instant.parse("2026-11-30T06:00:00.123456Z");

	private static final AudioPipeline.Result RESULT = new AudioPipeline.Result(Duration.ofMillis(11_900),
			new Loudness(-16.1, -2.3, 3.0), "linear");

	@Nested
	@H2Database
	class OnH2 extends StoreChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends StoreChecks {

	}

	@PersistenceTest
	@Import(RecordingStore.class)
	abstract static class StoreChecks {

		@Autowired
		RecordingStore store;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		DataSource dataSource;

		@Autowired
		PlatformTransactionManager transactions;

		@Test
		void aQueuedProcessingIsClaimedOnceAndKeepsItsMeasurements() {
			long id = this.store.insert("tin-a", AudioProcessing.Status.QUEUED, AudioProcessing.Source.SPEECH, true,
					"speech:abc", "script.txt", null, 120L, null, "bien-tap", AT, 1);
			assertThat(this.store.claim("node-a/audio-1")).hasValueSatisfying((p) -> assertThat(p.id()).isEqualTo(id));
			assertThat(this.store.claim("node-b/audio-1")).isEmpty();
			assertThat(claimer(id)).isEqualTo("node-a/audio-1");
			assertThat(this.store.progress(id, "node-a/audio-1", "encoding", 70)).isTrue();
			assertThat(this.store.measured(id, "node-a/audio-1", Duration.ofMillis(12_345),
					new Loudness(-31.25, -9.5, 4.2)))
				.isTrue();
			assertThat(this.store.ready(id, "node-a/audio-1", id + "/tin-a.mp3", "ff".repeat(32), RESULT,
					AT.plusSeconds(30)))
				.isTrue();
			AudioProcessing p = this.store.find(id).orElseThrow();
			assertThat(p.status()).isEqualTo(AudioProcessing.Status.READY);
			assertThat(p.progress()).isEqualTo(100);
			assertThat(p.synthetic()).isTrue();
			assertThat(p.durationBefore()).isEqualTo(Duration.ofMillis(12_345));
			assertThat(p.loudnessBefore()).isEqualTo(-31.25);
			assertThat(p.truePeakAfter()).isEqualTo(-2.3);
			assertThat(p.normalization()).isEqualTo("linear");
			assertThat(p.createdAt()).isEqualTo(AT);
			assertThat(p.finishedAt()).isEqualTo(AT.plusSeconds(30));
			assertThat(claimer(id)).as("a finished processing is nobody's").isNull();
			assertThat(this.store.readyByCacheKey("speech:abc")).map(AudioProcessing::id).contains(id);
			assertThat(this.store.latestRecorded("tin-a", Integer.MAX_VALUE)).as("synthetic is not a recording")
				.isEmpty();
		}

		@Test
		void aRecordingMadeForARevisionNotApprovedYetIsNeverTheOneThatAirs() {
			long approved = readyUpload("tin-c", 2, AT);
			long pending = readyUpload("tin-c", 3, AT.plusSeconds(60));
			assertThat(this.store.latestRecorded("tin-c", 2)).map(AudioProcessing::id).contains(approved);
			assertThat(this.store.latestRecorded("tin-c", 3)).map(AudioProcessing::id).contains(pending);
			assertThat(this.store.latestRecorded("tin-c", 1)).isEmpty();
			assertThat(this.store.find(pending).orElseThrow().itemRevision()).isEqualTo(3);
		}

		private long readyUpload(String item, int revision, Instant at) {
			long id = this.store.insert(item, AudioProcessing.Status.QUEUED, AudioProcessing.Source.UPLOAD, false, null,
					"Ghi âm " + revision + ".mp3", "mp3", 1000L, null, "van-hoa", at, revision);
			this.jdbc.update("UPDATE radio_audio SET status = 'PROCESSING', claimed_by = 'node-a/audio-1', "
					+ "claimed_at = CURRENT_TIMESTAMP WHERE id = ?", id);
			this.store.ready(id, "node-a/audio-1", id + "/" + item + ".mp3", "ab".repeat(32),
					new AudioPipeline.Result(Duration.ofMillis(10_000), new Loudness(-16.0, -2.0, 3.0), "linear"), at);
			return id;
		}

		@Test
		void aGoneNodesProcessingGoesBackToTheQueueAtOnceALiveNodesOnlyOnceItsClaimIsStale() {
			long live = queued("tin-live");
			long gone = queued("tin-gone");
			long old = queued("tin-old");
			assertThat(this.store.claim("live:8080/audio-1")).map(AudioProcessing::id).contains(live);
			assertThat(this.store.claim("gone:8080/audio-1")).map(AudioProcessing::id).contains(gone);
			// left PROCESSING by a version that put no claim on it
			this.jdbc.update("UPDATE radio_audio SET status = 'PROCESSING' WHERE id = ?", old);
			assertThat(this.store.claimers()).contains("live:8080/audio-1", "gone:8080/audio-1");

			assertThat(this.store.recover(databaseNow().minus(Duration.ofMinutes(1)), List.of("gone:8080/audio-1")))
				.isEqualTo(2);

			assertThat(status(gone)).isEqualTo(AudioProcessing.Status.QUEUED);
			assertThat(status(old)).isEqualTo(AudioProcessing.Status.QUEUED);
			assertThat(status(live)).as("a live node's fresh claim").isEqualTo(AudioProcessing.Status.PROCESSING);
			assertThat(claimer(gone)).isNull();

			// the gone node's worker was only slow: whatever it still does changes
			// nothing
			assertThat(this.store.progress(gone, "gone:8080/audio-1", "encoding", 80)).isFalse();
			assertThat(this.store.refresh(gone, "gone:8080/audio-1")).isFalse();
			assertThat(this.store.lockClaimed(gone, "gone:8080/audio-1")).isFalse();
			assertThat(this.store.ready(gone, "gone:8080/audio-1", gone + "/x.mp3", "cd".repeat(32), RESULT, AT))
				.isFalse();
			assertThat(this.store.failed(gone, "gone:8080/audio-1", "stopped", AT)).isFalse();
			assertThat(this.store.requeue(gone, "gone:8080/audio-1")).isFalse();
			assertThat(status(gone)).isEqualTo(AudioProcessing.Status.QUEUED);

			// the live node's claim ages past stale-after without a refresh, by the
			// database's clock
			assertThat(this.store.refresh(live, "live:8080/audio-1")).isTrue();
			assertThat(this.store.recover(databaseNow().minus(Duration.ofMinutes(1)), List.of())).isZero();
			this.jdbc.update("UPDATE radio_audio SET claimed_at = claimed_at - INTERVAL '2' MINUTE WHERE id = ?", live);
			assertThat(this.store.recover(databaseNow().minus(Duration.ofMinutes(1)), List.of())).isEqualTo(1);
			assertThat(status(live)).isEqualTo(AudioProcessing.Status.QUEUED);
		}

		@Test
		void aFailureKeepsItsReasonAndEndsTheClaim() {
			long id = queued("tin-b");
			assertThat(this.store.claim("node-a/audio-2")).map(AudioProcessing::id).contains(id);
			assertThat(this.store.requeue(id, "node-a/audio-2")).isTrue();
			assertThat(status(id)).isEqualTo(AudioProcessing.Status.QUEUED);
			assertThat(this.store.claim("node-a/audio-2")).map(AudioProcessing::id).contains(id);
			assertThat(
					this.store.failed(id, "node-a/audio-2", "Ghi âm.mp3: Tệp chỉ có khoảng lặng, không có tiếng.", AT))
				.isTrue();
			AudioProcessing p = this.store.find(id).orElseThrow();
			assertThat(p.status()).isEqualTo(AudioProcessing.Status.FAILED);
			assertThat(p.error()).isEqualTo("Ghi âm.mp3: Tệp chỉ có khoảng lặng, không có tiếng.");
			assertThat(p.originalName()).isEqualTo("Ghi âm.mp3");
			assertThat(claimer(id)).isNull();
			assertThat(this.store.forItem("tin-b")).hasSize(1);
		}

		/**
		 * Four claimers on four connections, 25 rounds of 8 queued processings: every
		 * processing is taken once, and every one is taken.
		 */
		@Test
		@Transactional(propagation = Propagation.NOT_SUPPORTED)
		void claimersAtOnceNeverTakeTheSameProcessing() throws Exception {
			ExecutorService executor = Executors.newFixedThreadPool(4);
			List<Long> made = new ArrayList<>();
			try {
				for (int round = 0; round < 25; round++) {
					List<Long> queued = new ArrayList<>();
					for (int i = 0; i < 8; i++) {
						queued.add(tx().execute((status) -> queued("tin-race")));
					}
					made.addAll(queued);
					CountDownLatch start = new CountDownLatch(1);
					List<Future<List<Long>>> results = new ArrayList<>();
					for (int claimer = 0; claimer < 4; claimer++) {
						String worker = "node-" + claimer + "/audio-1";
						Callable<List<Long>> claiming = () -> {
							start.await();
							List<Long> taken = new ArrayList<>();
							while (true) {
								var next = tx().execute((status) -> this.store.claim(worker));
								if (next.isEmpty()) {
									return taken;
								}
								taken.add(next.get().id());
							}
						};
						results.add(executor.submit(claiming));
					}
					start.countDown();
					List<Long> all = new ArrayList<>();
					for (Future<List<Long>> result : results) {
						all.addAll(result.get());
					}
					assertThat(all).as("round " + round)
						.doesNotHaveDuplicates()
						.containsExactlyInAnyOrderElementsOf(queued);
				}
			}
			finally {
				executor.shutdownNow();
				deleteCommitted(made);
			}
		}

		/**
		 * A node thought gone finishes its processing just as another node takes it over,
		 * 30 times: each time exactly one of them finishes it, and it is ready once.
		 */
		@Test
		@Transactional(propagation = Propagation.NOT_SUPPORTED)
		void aTakeOverRacingTheSlowNodesFinishFinishesTheProcessingOnce() throws Exception {
			ExecutorService executor = Executors.newFixedThreadPool(2);
			List<Long> made = new ArrayList<>();
			try {
				for (int round = 0; round < 30; round++) {
					long id = tx().execute((status) -> queued("tin-takeover"));
					made.add(id);
					tx().execute((status) -> this.store.claim("slow:8080/audio-1"));
					CountDownLatch start = new CountDownLatch(1);
					Future<Boolean> slow = executor.submit(() -> {
						start.await();
						return Boolean.TRUE.equals(
								tx().execute((status) -> this.store.lockClaimed(id, "slow:8080/audio-1") && this.store
									.ready(id, "slow:8080/audio-1", id + "/a.mp3", "aa".repeat(32), RESULT, AT)));
					});
					Future<Boolean> takeover = executor.submit(() -> {
						start.await();
						tx().execute((status) -> this.store.recover(databaseNow().minus(Duration.ofMinutes(1)),
								List.of("slow:8080/audio-1")));
						return tx().execute((status) -> this.store.claim("fast:8080/audio-1"))
							.map((p) -> Boolean.TRUE.equals(tx()
								.execute((status) -> this.store.lockClaimed(id, "fast:8080/audio-1") && this.store
									.ready(id, "fast:8080/audio-1", id + "/b.mp3", "bb".repeat(32), RESULT, AT))))
							.orElse(false);
					});
					start.countDown();
					boolean slowFinished = slow.get();
					boolean takenOverAndFinished = takeover.get();
					assertThat(slowFinished && takenOverAndFinished).as("round " + round + ": finished twice")
						.isFalse();
					if (!slowFinished && !takenOverAndFinished) {
						// the takeover's claim skipped the row while the slow node's
						// check still
						// held it: the row is queued again, and the next claim finishes
						// it once
						assertThat(status(id)).as("round " + round).isEqualTo(AudioProcessing.Status.QUEUED);
						takenOverAndFinished = tx().execute((status) -> this.store.claim("fast:8080/audio-1"))
							.map((p) -> Boolean.TRUE.equals(tx()
								.execute((status) -> this.store.lockClaimed(id, "fast:8080/audio-1") && this.store
									.ready(id, "fast:8080/audio-1", id + "/b.mp3", "bb".repeat(32), RESULT, AT))))
							.orElse(false);
						assertThat(takenOverAndFinished).as("round " + round + ": finished by the next claim").isTrue();
					}
					String file = AllCommunes.jdbc(this.dataSource)
						.queryForObject("SELECT broadcast_file FROM radio_audio WHERE id = ? AND status = 'READY'",
								String.class, id);
					assertThat(file).isEqualTo(id + (slowFinished ? "/a.mp3" : "/b.mp3"));
				}
			}
			finally {
				executor.shutdownNow();
				deleteCommitted(made);
			}
		}

		private long queued(String item) {
			return this.store.insert(item, AudioProcessing.Status.QUEUED, AudioProcessing.Source.UPLOAD, false, null,
					"Ghi âm.mp3", "mp3", 1000L, null, null, AT, null);
		}

		private AudioProcessing.Status status(long id) {
			return this.store.find(id).orElseThrow().status();
		}

		private String claimer(long id) {
			return this.jdbc.queryForObject("SELECT claimed_by FROM radio_audio WHERE id = ?", String.class, id);
		}

		private Instant databaseNow() {
			return this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class).toInstant();
		}

		private TransactionTemplate tx() {
			return new TransactionTemplate(this.transactions);
		}

		private void deleteCommitted(List<Long> ids) {
			JdbcTemplate all = AllCommunes.jdbc(this.dataSource);
			for (Long id : ids) {
				all.update("DELETE FROM radio_audio WHERE id = ?", id);
			}
		}

	}

}
