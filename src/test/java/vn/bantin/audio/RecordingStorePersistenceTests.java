package vn.bantin.audio;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processing table on H2 and PostgreSQL: a queued row is taken by one claimer only,
 * measurements and instants survive the round trip, a crash's half-done rows go back to
 * the queue, and a cache key finds its processing.
 */
class RecordingStorePersistenceTests {

	private static final Instant AT = Instant.parse("2026-11-30T06:00:00.123456Z");

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

		@Test
		void aQueuedProcessingIsClaimedOnceAndKeepsItsMeasurements() {
			long id = this.store.insert("tin-a", AudioProcessing.Status.QUEUED, AudioProcessing.Source.SPEECH, true,
					"speech:abc", "script.txt", null, 120L, null, "bien-tap", AT, 1);
			assertThat(this.store.claim()).hasValueSatisfying((p) -> assertThat(p.id()).isEqualTo(id));
			assertThat(this.store.claim()).isEmpty();
			this.store.progress(id, "encoding", 70);
			this.store.measured(id, Duration.ofMillis(12_345), new Loudness(-31.25, -9.5, 4.2));
			this.store.ready(id, id + "/tin-a.mp3", "ff".repeat(32),
					new AudioPipeline.Result(Duration.ofMillis(11_900), new Loudness(-16.1, -2.3, 3.0), "linear"),
					AT.plusSeconds(30));
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

		private long readyUpload(String item, int revision, java.time.Instant at) {
			long id = this.store.insert(item, AudioProcessing.Status.QUEUED, AudioProcessing.Source.UPLOAD, false, null,
					"Ghi âm " + revision + ".mp3", "mp3", 1000L, null, "van-hoa", at, revision);
			this.store.ready(id, id + "/" + item + ".mp3", "ab".repeat(32),
					new AudioPipeline.Result(Duration.ofMillis(10_000), new Loudness(-16.0, -2.0, 3.0), "linear"), at);
			return id;
		}

		@Test
		void processingsLeftHalfDoneGoBackToTheQueueAndFailuresKeepTheirReason() {
			long id = this.store.insert("tin-b", AudioProcessing.Status.QUEUED, AudioProcessing.Source.UPLOAD, false,
					null, "Ghi âm.mp3", "mp3", 1000L, null, null, AT, null);
			this.store.claim();
			assertThat(this.store.requeueInterrupted()).isEqualTo(1);
			assertThat(this.store.find(id).orElseThrow().status()).isEqualTo(AudioProcessing.Status.QUEUED);
			this.store.claim();
			this.store.failed(id, "Ghi âm.mp3: Tệp chỉ có khoảng lặng, không có tiếng.", AT);
			AudioProcessing p = this.store.find(id).orElseThrow();
			assertThat(p.status()).isEqualTo(AudioProcessing.Status.FAILED);
			assertThat(p.error()).isEqualTo("Ghi âm.mp3: Tệp chỉ có khoảng lặng, không có tiếng.");
			assertThat(p.originalName()).isEqualTo("Ghi âm.mp3");
			assertThat(this.store.forItem("tin-b")).hasSize(1);
		}

	}

}
