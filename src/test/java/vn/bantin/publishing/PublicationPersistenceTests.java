package vn.bantin.publishing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.content.Channel;
import vn.bantin.publishing.Publications.PublicationView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publications are recorded once per item, channel, target and occurrence, however often
 * and from however many threads, on H2 and on PostgreSQL. The checks commit (recording
 * runs in transactions of its own), so they clean up after themselves.
 */
class PublicationPersistenceTests {

	private static final String ITEM = "pub-test-item";

	private static final String OTHER_ITEM = "pub-test-other";

	private static final Instant SIX_AM = Instant.parse("2025-03-10T06:00:00Z");

	@Nested
	@H2Database
	class OnH2 extends PublicationChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends PublicationChecks {

	}

	@PersistenceTest
	@Import({ Publications.class, LatenessPolicy.class })
	@EnableConfigurationProperties(PublishingSettings.class)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class PublicationChecks {

		@Autowired
		Publications publications;

		/**
		 * Statements of the test itself, outside the application's transactions, see
		 * every commune.
		 */
		JdbcTemplate jdbc;

		@Autowired
		void jdbc(DataSource dataSource) {
			this.jdbc = AllCommunes.jdbc(dataSource);
		}

		@BeforeEach
		void insertItems() {
			cleanUp();
			insertItem(ITEM);
			insertItem(OTHER_ITEM);
		}

		@AfterEach
		void cleanUp() {
			this.jdbc.update("DELETE FROM publication WHERE item_id IN (?, ?)", ITEM, OTHER_ITEM);
			this.jdbc.update("DELETE FROM item WHERE id IN (?, ?)", ITEM, OTHER_ITEM);
		}

		@Test
		void recordingTheSamePublicationTwiceGivesOneRow() {
			PublicationView first = this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM).orElseThrow();
			PublicationView second = this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM).orElseThrow();

			assertThat(second).isEqualTo(first);
			assertThat(first.status()).isEqualTo(PublicationStatus.PLANNED);
			assertThat(first.reason()).isNull();
			assertThat(rows()).isEqualTo(1);
		}

		@Test
		void recordingFromEightThreadsAtOnceGivesOneRowAndNoError() throws Exception {
			int threads = 8;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				List<Future<PublicationView>> results = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					Callable<PublicationView> recording = () -> {
						start.await();
						return this.publications.record(ITEM, Channel.EMAIL, "list-all", SIX_AM).orElseThrow();
					};
					results.add(executor.submit(recording));
				}
				start.countDown();
				List<Long> ids = new ArrayList<>();
				for (Future<PublicationView> result : results) {
					ids.add(result.get(30, TimeUnit.SECONDS).id());
				}
				assertThat(ids).hasSize(threads).containsOnly(ids.get(0));
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(rows()).isEqualTo(1);
		}

		@Test
		void decidingFromEightThreadsAtOnceTakesOneDecisionAndNoError() throws Exception {
			PublicationView recorded = this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM).orElseThrow();
			Instant now = SIX_AM.plus(Duration.ofMinutes(20));
			int threads = 8;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				List<Future<PublicationView>> results = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					Callable<PublicationView> deciding = () -> {
						start.await();
						return this.publications.decide(recorded.id(), now);
					};
					results.add(executor.submit(deciding));
				}
				start.countDown();
				for (Future<PublicationView> result : results) {
					PublicationView decided = result.get(30, TimeUnit.SECONDS);
					assertThat(decided.status()).isEqualTo(PublicationStatus.MISSED);
					assertThat(decided.reason()).isEqualTo("late by 20m, more than 15m for radio");
				}
			}
			finally {
				executor.shutdownNow();
			}
		}

		@Test
		void differentTargetsChannelsItemsAndOccurrencesGiveSeparateRows() {
			this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM);
			this.publications.record(ITEM, Channel.RADIO, "thon-2", SIX_AM);
			this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM.plus(Duration.ofDays(1)));
			this.publications.record(ITEM, Channel.EMAIL, "thon-1", SIX_AM);
			this.publications.record(OTHER_ITEM, Channel.RADIO, "thon-1", SIX_AM);
			this.publications.record(ITEM, Channel.WEB, null, SIX_AM);
			PublicationView web = this.publications.record(ITEM, Channel.WEB, " ", SIX_AM).orElseThrow();

			assertThat(web.target()).isEqualTo(Publications.NO_TARGET);
			assertThat(rows()).isEqualTo(6);
		}

		@Test
		void anUnknownItemIsNotRecorded() {
			assertThat(this.publications.record("pub-test-nothing", Channel.WEB, null, SIX_AM)).isEmpty();
			assertThat(rows()).isZero();
		}

		@Test
		void occurrencesRoundTripExactlyInUtcWhateverTheJvmZone() {
			Instant midnight = Instant.parse("2024-03-10T00:00:00Z");
			// 02:30 on 10 March 2024 does not exist in New York, where the tests run
			Instant gap = Instant.parse("2024-03-10T02:30:00.123456Z");
			Instant nanos = Instant.parse("2024-11-03T01:30:00.654321999Z");

			assertThat(this.publications.record(ITEM, Channel.RADIO, "thon-1", midnight).orElseThrow().occurrence())
				.isEqualTo(midnight);
			this.publications.record(ITEM, Channel.RADIO, "thon-1", gap);
			PublicationView truncated = this.publications.record(ITEM, Channel.RADIO, "thon-1", nanos).orElseThrow();
			assertThat(truncated.occurrence()).isEqualTo(Instant.parse("2024-11-03T01:30:00.654321Z"));
			assertThat(this.publications
				.record(ITEM, Channel.RADIO, "thon-1", Instant.parse("2024-11-03T01:30:00.654321Z"))
				.orElseThrow()
				.id()).isEqualTo(truncated.id());

			List<Instant> stored = this.jdbc.query(
					"SELECT occurrence FROM publication WHERE item_id = ? ORDER BY occurrence",
					(rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), ITEM);
			assertThat(stored).containsExactly(midnight, gap, Instant.parse("2024-11-03T01:30:00.654321Z"));
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM publication WHERE item_id = ?"
							+ " AND occurrence = TIMESTAMP WITH TIME ZONE '2024-03-10 00:00:00+00:00'",
					Integer.class, ITEM))
				.isEqualTo(1);
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM publication WHERE item_id = ?"
							+ " AND occurrence = TIMESTAMP WITH TIME ZONE '2024-03-10 02:30:00.123456+00:00'",
					Integer.class, ITEM))
				.isEqualTo(1);
		}

		@Test
		void duePublicationsAreDecidedWithTheirReasonAndPublished() {
			PublicationView radio = this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM).orElseThrow();
			PublicationView email = this.publications.record(ITEM, Channel.EMAIL, "list-all", SIX_AM).orElseThrow();
			PublicationView web = this.publications.record(ITEM, Channel.WEB, null, SIX_AM).orElseThrow();
			this.publications.record(ITEM, Channel.WEB, null, SIX_AM.plus(Duration.ofDays(1)));
			Instant now = SIX_AM.plus(Duration.ofMinutes(16));

			assertThat(this.publications.due(now)).extracting(PublicationView::id)
				.containsExactly(radio.id(), email.id(), web.id());

			PublicationView missed = this.publications.decide(radio.id(), now);
			assertThat(missed.status()).isEqualTo(PublicationStatus.MISSED);
			assertThat(missed.reason()).isEqualTo("late by 16m, more than 15m for radio");
			assertThat(missed.decidedAt()).isEqualTo(now);
			assertThat(this.publications.decide(email.id(), now).status()).isEqualTo(PublicationStatus.DUE);
			assertThat(this.publications.decide(web.id(), now).status()).isEqualTo(PublicationStatus.DUE);
			// a second decision later changes nothing
			assertThat(this.publications.decide(radio.id(), now.plus(Duration.ofDays(1)))).isEqualTo(missed);

			PublicationView published = this.publications.markPublished(web.id(), now.plusSeconds(1));
			assertThat(published.status()).isEqualTo(PublicationStatus.PUBLISHED);
			assertThat(published.publishedAt()).isEqualTo(now.plusSeconds(1));
			assertThat(this.publications.due(now)).extracting(PublicationView::id).containsExactly(email.id());
		}

		@Test
		void airingsCountWhatACampaignPutOutPerItemAndTargetButNotMissedOnes() {
			Publications.Origin campaign = new Publications.Origin("ban-tin-sang", "tuyen-truyen");
			PublicationView monday = this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM, campaign)
				.orElseThrow();
			this.publications.record(ITEM, Channel.RADIO, "thon-1", SIX_AM.plus(Duration.ofDays(1)), campaign);
			this.publications.record(ITEM, Channel.RADIO, "thon-2", SIX_AM, campaign);
			PublicationView missed = this.publications.record(OTHER_ITEM, Channel.RADIO, "thon-1", SIX_AM, campaign)
				.orElseThrow();
			this.publications.decide(missed.id(), SIX_AM.plus(Duration.ofHours(3)));
			this.publications.record(OTHER_ITEM, Channel.WEB, null, SIX_AM);

			assertThat(monday.slot()).isEqualTo("ban-tin-sang");
			assertThat(monday.campaign()).isEqualTo("tuyen-truyen");
			assertThat(this.publications.airings()).containsExactlyInAnyOrder(
					new Publications.Airing("tuyen-truyen", ITEM, "thon-1", 2),
					new Publications.Airing("tuyen-truyen", ITEM, "thon-2", 1));
			assertThat(this.publications.exists(OTHER_ITEM, Channel.WEB, Publications.NO_TARGET)).isTrue();
			assertThat(this.publications.exists(OTHER_ITEM, Channel.FEED, Publications.NO_TARGET)).isFalse();
		}

		private int rows() {
			return this.jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE item_id IN (?, ?)", Integer.class,
					ITEM, OTHER_ITEM);
		}

		@Test
		void recordOnceFromTwoTransactionsAtOnceWithDifferentOccurrencesKeepsOnePerChannelAndTargetFiftyTimes()
				throws Exception {
			// two nodes: the release at the approval instant and "publish now" a moment
			// later (the instant truncated to the second), each in transactions of its
			// own
			ExecutorService nodes = Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 50; round++) {
					Instant approval = SIX_AM.plusSeconds(round).plusNanos(395_513_000);
					Instant pressed = approval.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
					String target = "list-" + round;
					CountDownLatch start = new CountDownLatch(1);
					Future<Publications.Once> release = nodes.submit(() -> {
						start.await();
						return this.publications
							.recordOnce(ITEM, Channel.EMAIL, target, approval,
									new Publications.Origin("thu-can-bo", null))
							.orElseThrow();
					});
					Future<Publications.Once> publishNow = nodes.submit(() -> {
						start.await();
						return this.publications
							.recordOnce(ITEM, Channel.EMAIL, target, pressed,
									new Publications.Origin("publish-now", null))
							.orElseThrow();
					});
					start.countDown();
					Publications.Once one = release.get(30, TimeUnit.SECONDS);
					Publications.Once other = publishNow.get(30, TimeUnit.SECONDS);

					assertThat(List.of(one.added(), other.added())).as("round %d", round).containsOnlyOnce(true);
					assertThat(one.publication().id()).isEqualTo(other.publication().id());
					assertThat(this.jdbc.queryForObject(
							"SELECT COUNT(*) FROM publication WHERE item_id = ? AND channel = 'EMAIL' AND target = ?",
							Long.class, ITEM, target))
						.as("round %d", round)
						.isEqualTo(1);
				}
			}
			finally {
				nodes.shutdownNow();
			}
		}

		@Test
		void recordOnceLeavesAChannelAndTargetThatAlreadyCarriesTheItemWhateverItsOriginAndOccurrence() {
			PublicationView slot = this.publications
				.record(ITEM, Channel.RADIO, "thon-1", SIX_AM, new Publications.Origin("radio-sang", "ba-buoi"))
				.orElseThrow();

			Publications.Once again = this.publications
				.recordOnce(ITEM, Channel.RADIO, "thon-1", SIX_AM.plusSeconds(3600),
						new Publications.Origin("publish-now", null))
				.orElseThrow();
			Publications.Once elsewhere = this.publications
				.recordOnce(ITEM, Channel.RADIO, "thon-2", SIX_AM.plusSeconds(3600),
						new Publications.Origin("publish-now", null))
				.orElseThrow();

			assertThat(again.added()).isFalse();
			assertThat(again.publication().id()).isEqualTo(slot.id());
			assertThat(elsewhere.added()).isTrue();
			assertThat(rows()).isEqualTo(2);
		}

		@Test
		void aMissedOnceOnlyPublicationFreesItsChannelAndTargetForANewOne() {
			Publications.Once first = this.publications
				.recordOnce(ITEM, Channel.EMAIL, "can-bo", SIX_AM, new Publications.Origin("thu-can-bo", null))
				.orElseThrow();
			// more than twelve hours late: it waits for an editor, who lets it go
			this.publications.decide(first.publication().id(), SIX_AM.plus(Duration.ofHours(13)));
			assertThat(this.publications
				.recordOnce(ITEM, Channel.EMAIL, "can-bo", SIX_AM.plus(Duration.ofHours(13)),
						new Publications.Origin("publish-now", null))
				.orElseThrow()
				.added()).as("awaiting confirmation still carries it").isFalse();
			this.publications.skip(first.publication().id(), "bien-tap");

			Publications.Once again = this.publications
				.recordOnce(ITEM, Channel.EMAIL, "can-bo", SIX_AM.plus(Duration.ofHours(14)),
						new Publications.Origin("publish-now", null))
				.orElseThrow();

			assertThat(again.added()).isTrue();
			assertThat(this.jdbc.queryForList("SELECT status FROM publication WHERE item_id = ? ORDER BY id",
					String.class, ITEM))
				.containsExactly("MISSED", "PLANNED");
		}

		private void insertItem(String id) {
			Timestamp now = Timestamp.from(Instant.parse("2025-01-02T03:04:05Z"));
			this.jdbc
				.update("INSERT INTO item (commune_id, id, kind, title, body_markdown, priority, status, channels, search_text,"
						+ " created_at, updated_at, version) VALUES (1, ?, 'NEWS', 'Tin thử', 'Nội dung', 'NORMAL', 'APPROVED',"
						+ " 'web,feed,email,radio', 'tin thu', ?, ?, 0)", id, now, now);
		}

	}

}
