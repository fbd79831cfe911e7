package vn.bantin.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.bantin.AllCommunes;
import vn.bantin.H2Database;
import vn.bantin.MutableClock;
import vn.bantin.PersistenceTest;
import vn.bantin.PostgresDatabase;
import vn.bantin.system.RuleViolation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The as-run log records each report once, refuses bad reports naming the field, and
 * tells MISSED occurrences from the clock and its rows, per zone; on H2 and PostgreSQL.
 */
class AsRunLogTests {

	/** 06:00 in the commune (UTC+7) on Monday 2 March 2026. */
	static final Instant SIX_AM = Instant.parse("2026-03-01T23:00:00Z");

	@Nested
	@H2Database
	class OnH2 extends AsRunChecks {

	}

	@Nested
	@PostgresDatabase
	class OnPostgres extends AsRunChecks {

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(SIX_AM, FixedPlaylists.ZONE);
		}

		@Bean
		FixedPlaylists fixedPlaylists(RadioSettings settings) {
			return new FixedPlaylists(settings);
		}

	}

	@PersistenceTest
	@Import({ AsRunStore.class, AsRunLog.class, Fixtures.class })
	@EnableConfigurationProperties(RadioSettings.class)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	abstract static class AsRunChecks {

		@Autowired
		AsRunLog log;

		@Autowired
		FixedPlaylists playlists;

		@Autowired
		MutableClock clock;

		/**
		 * Statements of the test itself, outside the application's transactions, see
		 * every commune.
		 */
		JdbcTemplate jdbc;

		@Autowired
		void jdbc(DataSource dataSource) {
			this.jdbc = AllCommunes.jdbc(dataSource);
		}

		Playlist.Occurrence morning;

		Playlist.Occurrence village;

		@BeforeEach
		void occurrences() {
			cleanUp();
			this.clock.set(SIX_AM);
			this.morning = this.playlists.add("ban-tin-sang", "*", SIX_AM, SIX_AM.plus(Duration.ofMinutes(30)));
			this.village = this.playlists.add("ban-tin-thon", "thon-1", SIX_AM, SIX_AM.plus(Duration.ofMinutes(30)));
		}

		@AfterEach
		void cleanUp() {
			this.jdbc.update("DELETE FROM radio_as_run");
			this.playlists.clear();
		}

		AsRunEvent played(String eventId, Playlist.Occurrence occurrence, int position, Instant start, Instant end) {
			return new AsRunEvent(eventId, occurrence.id(), position, null, null, null, start.toString(),
					end.toString(), "played", null, null);
		}

		@Test
		void aReportSentTwiceIsRecordedOnce() {
			AsRunEvent event = played("evt-1", this.morning, 1, SIX_AM.plusSeconds(5), SIX_AM.plusSeconds(9));

			AsRunLog.Recorded first = this.log.record(event, "phat-thanh", AsRunOrigin.CONSOLE);
			AsRunLog.Recorded again = this.log.record(event, "phat-thanh", AsRunOrigin.CONSOLE);

			assertThat(first.created()).isTrue();
			assertThat(again.created()).isFalse();
			assertThat(again.entry()).isEqualTo(first.entry());
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_as_run", Integer.class)).isEqualTo(1);
		}

		@Test
		void aReportTakesTitleAndSourceFromThePlaylistAndKeepsTheRealTimes() {
			AsRunEntry entry = this.log
				.record(played("evt-2", this.morning, 1, SIX_AM.plusMillis(1500), SIX_AM.plusMillis(5600)),
						"phat-thanh", AsRunOrigin.CONSOLE)
				.entry();

			assertThat(entry.title()).isEqualTo("Nhạc hiệu mở đầu");
			assertThat(entry.source()).isEqualTo(AsRunSource.JINGLE);
			assertThat(entry.slot()).isEqualTo("ban-tin-sang");
			assertThat(entry.target()).isEqualTo("*");
			assertThat(entry.occurrenceStart()).isEqualTo(SIX_AM);
			assertThat(entry.start()).isEqualTo(SIX_AM.plusMillis(1500));
			assertThat(entry.duration()).isEqualTo(Duration.ofMillis(4100));
			assertThat(entry.by()).isEqualTo("phat-thanh");
			assertThat(entry.outcome()).isEqualTo(AsRunOutcome.PLAYED);
		}

		@Test
		void anEndBeforeItsStartIsRefusedNamingTheEnd() {
			assertThatThrownBy(() -> this.log.record(played("evt-3", this.morning, 1, SIX_AM, SIX_AM.minusSeconds(1)),
					"x", AsRunOrigin.API))
				.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("end"));
		}

		@Test
		void aSkipWithoutReasonAndAnUnknownOutcomeAreRefusedNamingTheirField() {
			AsRunEvent skipped = new AsRunEvent("evt-4", this.morning.id(), 1, null, null, null, SIX_AM.toString(),
					SIX_AM.toString(), "skipped", " ", null);
			AsRunEvent unknown = new AsRunEvent("evt-5", this.morning.id(), 1, null, null, null, SIX_AM.toString(),
					SIX_AM.toString(), "aired", null, null);

			assertThatThrownBy(() -> this.log.record(skipped, "x", AsRunOrigin.API))
				.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("reason"));
			assertThatThrownBy(() -> this.log.record(unknown, "x", AsRunOrigin.API))
				.isInstanceOfSatisfying(RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("outcome"));
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_as_run", Integer.class)).isZero();
		}

		@Test
		void aBatchWithOneBadReportRecordsNothingAndNamesItsIndex() {
			List<AsRunEvent> batch = List.of(played("evt-6", this.morning, 1, SIX_AM, SIX_AM.plusSeconds(4)),
					new AsRunEvent("evt-7", "not-an-occurrence", 2, null, "x", "jingle", SIX_AM.toString(),
							SIX_AM.toString(), "played", null, null));

			assertThatThrownBy(() -> this.log.record(batch, "x", AsRunOrigin.PLAYER)).isInstanceOfSatisfying(
					RuleViolation.class, (v) -> assertThat(v.field()).isEqualTo("[1].occurrenceId"));
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM radio_as_run", Integer.class)).isZero();
		}

		@Test
		void anOccurrenceWithNothingPlayedIsDueUntilAnHourAfterItsStartThenMissed() {
			this.clock.set(SIX_AM.plus(Duration.ofMinutes(59)));
			assertThat(states()).containsExactly(OccurrenceState.DUE, OccurrenceState.DUE);

			this.clock.set(SIX_AM.plus(Duration.ofMinutes(60)));
			assertThat(states()).containsExactly(OccurrenceState.MISSED, OccurrenceState.MISSED);
		}

		@Test
		void anOccurrenceIsNeverMissedBeforeItsSlotEnds() {
			Playlist.Occurrence long_ = this.playlists.add("ban-tin-dai", "*", SIX_AM.plus(Duration.ofHours(2)),
					SIX_AM.plus(Duration.ofHours(4)));
			this.clock.set(SIX_AM.plus(Duration.ofMinutes(200)));

			assertThat(this.log.missedAt(long_)).isEqualTo(SIX_AM.plus(Duration.ofHours(4)));
			assertThat(stateOf(long_)).isEqualTo(OccurrenceState.DUE);
		}

		@Test
		void playingForTheWholeCommuneSavesEveryZoneOfThatSlotButAZonesOwnPlayingSavesOnlyIt() {
			Playlist.Occurrence villageMorning = this.playlists.add("ban-tin-sang", "thon-2", SIX_AM,
					SIX_AM.plus(Duration.ofMinutes(30)));
			this.log.record(played("evt-8", this.morning, 1, SIX_AM, SIX_AM.plusSeconds(4)), "x", AsRunOrigin.CONSOLE);
			this.clock.set(SIX_AM.plus(Duration.ofHours(2)));

			assertThat(stateOf(this.morning)).isEqualTo(OccurrenceState.PLAYED);
			assertThat(stateOf(villageMorning)).isEqualTo(OccurrenceState.PLAYED);
			assertThat(stateOf(this.village)).isEqualTo(OccurrenceState.MISSED);
		}

		@Test
		void onlySkippedEntriesStillLeaveTheOccurrenceMissed() {
			this.log.record(
					new AsRunEvent("evt-9", this.village.id(), 1, null, null, null, SIX_AM.toString(),
							SIX_AM.plusSeconds(1).toString(), "skipped", "lỗi âm thanh", null),
					"x", AsRunOrigin.CONSOLE);
			this.clock.set(SIX_AM.plus(Duration.ofHours(2)));

			AsRunLog.Logged logged = this.log.between(SIX_AM, SIX_AM.plus(Duration.ofDays(1)))
				.stream()
				.filter((l) -> l.occurrence().id().equals(this.village.id()))
				.findFirst()
				.orElseThrow();
			assertThat(logged.state()).isEqualTo(OccurrenceState.MISSED);
			assertThat(logged.entries()).singleElement()
				.satisfies((e) -> assertThat(e.reason()).isEqualTo("lỗi âm thanh"));
		}

		@Test
		void anOccurrenceLaterTodayIsToCome() {
			Playlist.Occurrence evening = this.playlists.add("ban-tin-chieu", "*", SIX_AM.plus(Duration.ofHours(11)),
					SIX_AM.plus(Duration.ofHours(11).plusMinutes(30)));
			this.clock.set(SIX_AM.plus(Duration.ofHours(3)));

			assertThat(stateOf(evening)).isEqualTo(OccurrenceState.TO_COME);
		}

		List<OccurrenceState> states() {
			return this.log.between(SIX_AM, SIX_AM.plus(Duration.ofDays(1)))
				.stream()
				.map(AsRunLog.Logged::state)
				.toList();
		}

		OccurrenceState stateOf(Playlist.Occurrence occurrence) {
			return this.log.between(SIX_AM.minus(Duration.ofHours(1)), SIX_AM.plus(Duration.ofDays(1)))
				.stream()
				.filter((l) -> l.occurrence().id().equals(occurrence.id()))
				.findFirst()
				.orElseThrow()
				.state();
		}

	}

}
