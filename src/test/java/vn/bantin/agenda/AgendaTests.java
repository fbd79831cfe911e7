package vn.bantin.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.bantin.BantinWebTest;
import vn.bantin.MutableClock;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.PublicationStatus;
import vn.bantin.publishing.Publications;
import vn.bantin.system.RuleViolation;
import vn.bantin.timetable.Airings;
import vn.bantin.timetable.Placement;
import vn.bantin.timetable.Programme;
import vn.bantin.timetable.ProgrammeInForce;
import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.timetable.Timetables;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agenda shows what the planner plans (from now on) and what was recorded (before),
 * marks overlapping radio occurrences and overrunning ones, and writes nothing.
 */
@BantinWebTest
class AgendaTests {

	@Autowired
	Agenda agenda;

	@Autowired
	Timetables timetables;

	@Autowired
	TestItems items;

	@Autowired
	ItemCatalog catalog;

	@Autowired
	Publications publications;

	@Autowired
	ScheduleSettings settings;

	@Autowired
	ProgrammeInForce programmeInForce;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixture fixture;

	@BeforeEach
	void defineTimetable() {
		this.fixture = AgendaFixture.define(this.timetables, this.items);
	}

	@AfterEach
	void removeTimetable() {
		AgendaFixture.remove(this.timetables);
	}

	@Test
	void futureAgendaIsWhatTheProgrammePlansAndComputingItWritesNothing() {
		LocalDate day = AgendaFixture.dayAfter(this.clock.instant());
		Instant from = AgendaFixture.startOf(day);
		Instant to = AgendaFixture.startOf(day.plusDays(2));
		Integer publicationsBefore = this.jdbc.queryForObject("select count(*) from publication", Integer.class);

		AgendaRange range = this.agenda.between(from, to);

		assertThat(this.jdbc.queryForObject("select count(*) from publication", Integer.class))
			.isEqualTo(publicationsBefore);
		List<Placement> expected = new Programme(this.timetables.current(), AgendaFixture.VIETNAM,
				(item) -> Duration.ZERO)
			.plan(from, to, this.catalog.releasable(), Airings.of(this.publications));
		Set<String> recorded = new HashSet<>();
		range.entries().stream().filter(AgendaEntry::recorded).forEach((entry) -> recorded.add(entry.key()));
		List<String> expectedShape = new ArrayList<>();
		for (Placement placement : expected) {
			String key = placement.slot().key() + "/" + placement.at() + "/" + placement.target();
			if (!recorded.contains(key)) {
				expectedShape.add(key + " "
						+ placement.entries()
							.stream()
							.map((entry) -> entry.itemId() + "@" + entry.campaign())
							.toList());
			}
		}
		assertThat(range.entries()
			.stream()
			.filter((entry) -> !entry.recorded())
			.map((entry) -> entry.key() + " "
					+ entry.items().stream().map((line) -> line.itemId() + "@" + line.campaign()).toList())
			.toList()).containsExactlyElementsOf(expectedShape);

		// the test's own slots: two days of three occurrences, the morning one at 07:00
		// in
		// the commune, which is midnight UTC
		List<AgendaEntry> mornings = range.entries()
			.stream()
			.filter((entry) -> AgendaFixture.MORNING.equals(entry.slot()))
			.toList();
		assertThat(mornings).extracting(AgendaEntry::start)
			.containsExactly(Instant.parse(day + "T00:00:00Z"), Instant.parse(day.plusDays(1) + "T00:00:00Z"));
		AgendaEntry morning = mornings.get(0);
		assertThat(morning.slotName()).isEqualTo(AgendaFixture.MORNING_NAME);
		assertThat(morning.target()).isEqualTo(AgendaFixture.ZONE);
		assertThat(morning.targetName()).isEqualTo(AgendaFixture.ZONE_NAME);
		assertThat(morning.end()).isEqualTo(morning.start().plus(Duration.ofMinutes(10)));
		assertThat(morning.recorded()).isFalse();
		assertThat(morning.items()).extracting(AgendaEntry.Line::itemId)
			.contains(this.fixture.first, this.fixture.second);
		Duration reading = Duration.ofSeconds(320L * 60 / this.settings.readingWordsPerMinute());
		assertThat(morning.items()
			.stream()
			.filter((line) -> line.itemId().equals(this.fixture.first))
			.findFirst()
			.orElseThrow()
			.estimated()).isEqualTo(reading);
	}

	@Test
	void radioOccurrencesOnASharedZoneAtTheSameTimeAndOverrunningOnesAreFlagged() {
		LocalDate day = AgendaFixture.dayAfter(this.clock.instant());
		AgendaRange range = this.agenda.between(AgendaFixture.startOf(day), AgendaFixture.startOf(day.plusDays(1)));

		AgendaEntry morning = only(range, AgendaFixture.MORNING);
		AgendaEntry commune = only(range, AgendaFixture.COMMUNE);
		AgendaEntry evening = only(range, AgendaFixture.SHORT);
		// 07:00-07:10 on zone a and 07:05-07:15 on the whole commune (which includes zone
		// a)
		assertThat(morning.conflicts()).anySatisfy((conflict) -> {
			assertThat(conflict.kind()).isEqualTo(AgendaEntry.Conflict.Kind.OVERLAP);
			assertThat(conflict.slot()).isEqualTo(AgendaFixture.COMMUNE);
			assertThat(conflict.start()).isEqualTo(commune.start());
		});
		assertThat(commune.conflicts()).anySatisfy((conflict) -> {
			assertThat(conflict.kind()).isEqualTo(AgendaEntry.Conflict.Kind.OVERLAP);
			assertThat(conflict.slot()).isEqualTo(AgendaFixture.MORNING);
		});
		// two items of two minutes each in a one-minute slot, on a zone no other slot
		// plays
		assertThat(evening.conflicts()).extracting(AgendaEntry.Conflict::kind)
			.contains(AgendaEntry.Conflict.Kind.OVERFLOW)
			.doesNotContain(AgendaEntry.Conflict.Kind.OVERLAP);
		assertThat(evening.overflow()).isEqualTo(evening.estimated().minus(Duration.ofMinutes(1)));
		assertThat(evening.overflow()).isGreaterThanOrEqualTo(Duration.ofMinutes(3));
		assertThat(morning.overflow()).isZero();
		assertThat(range.conflicts()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void pastOccurrencesShowWhatWasRecordedWithItsStatus() {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(AgendaFixture.VIETNAM)).minusDays(1);
		Instant sevenAm = AgendaFixture.startOf(yesterday).plus(Duration.ofHours(7));
		var recorded = this.publications
			.record(this.fixture.first, Channel.RADIO, AgendaFixture.ZONE, sevenAm,
					new Publications.Origin(AgendaFixture.MORNING, null))
			.orElseThrow();
		this.publications.decide(recorded.id(), sevenAm.plus(Duration.ofMinutes(40)));

		AgendaRange range = this.agenda.between(AgendaFixture.startOf(yesterday),
				AgendaFixture.startOf(yesterday.plusDays(1)));

		AgendaEntry entry = range.entries()
			.stream()
			.filter((found) -> AgendaFixture.MORNING.equals(found.slot()) && found.start().equals(sevenAm))
			.findFirst()
			.orElseThrow();
		assertThat(entry.recorded()).isTrue();
		assertThat(entry.slotName()).isEqualTo(AgendaFixture.MORNING_NAME);
		assertThat(entry.targetName()).isEqualTo(AgendaFixture.ZONE_NAME);
		assertThat(entry.items()).singleElement().satisfies((line) -> {
			assertThat(line.itemId()).isEqualTo(this.fixture.first);
			assertThat(line.title()).isEqualTo("Thông báo họp dân thôn Trung Hải");
			assertThat(line.status()).isEqualTo(PublicationStatus.MISSED);
			assertThat(line.reason()).contains("late by 40m");
		});
		// nothing before now is planned
		assertThat(range.entries()).filteredOn((found) -> !found.recorded())
			.allSatisfy((found) -> assertThat(found.start()).isAfterOrEqualTo(range.now()));
	}

	/**
	 * The agenda plans with the engine's programme: every radio line, planned or
	 * recorded, is estimated as the programme in force estimates it, and a planned one as
	 * the engine would place it when the occurrence fires.
	 */
	@Test
	void agendaEstimatesAirTimeWithTheEnginesProgramme() {
		LocalDate day = AgendaFixture.dayAfter(this.clock.instant());
		Instant from = AgendaFixture.startOf(day);
		Instant to = AgendaFixture.startOf(day.plusDays(1));
		LocalDate yesterday = LocalDate.now(this.clock.withZone(AgendaFixture.VIETNAM)).minusDays(1);
		Instant sevenAm = AgendaFixture.startOf(yesterday).plus(Duration.ofHours(7));
		this.publications.record(this.fixture.second, Channel.RADIO, AgendaFixture.ZONE, sevenAm,
				new Publications.Origin(AgendaFixture.MORNING, null));
		Programme engine = this.programmeInForce.programme();

		List<AgendaEntry> radio = new ArrayList<>();
		radio.addAll(this.agenda.between(from, to).entries());
		radio.addAll(this.agenda.between(AgendaFixture.startOf(yesterday), AgendaFixture.startOf(yesterday.plusDays(1)))
			.entries());
		radio.removeIf((entry) -> entry.channel() != Channel.RADIO);

		assertThat(radio).anyMatch(AgendaEntry::recorded).anyMatch((entry) -> !entry.recorded());
		for (AgendaEntry entry : radio) {
			for (AgendaEntry.Line line : entry.items()) {
				Duration expected = engine.airTime(this.catalog.item(line.itemId()).orElseThrow());
				assertThat(line.estimated()).as(entry.key() + " " + line.itemId())
					.isEqualTo(expected)
					.isEqualTo(this.programmeInForce.readingTime().of(this.catalog.item(line.itemId()).orElseThrow()))
					.isPositive();
			}
		}
		AgendaEntry morning = only(this.agenda.between(from, to), AgendaFixture.MORNING);
		Placement placed = engine
			.place(engine.timetable().slot(AgendaFixture.MORNING).orElseThrow(), morning.start(),
					this.catalog.releasable(), Airings.of(this.publications))
			.stream()
			.filter((placement) -> placement.target().equals(morning.target()))
			.findFirst()
			.orElseThrow();
		assertThat(morning.items()).extracting(AgendaEntry.Line::itemId, AgendaEntry.Line::estimated)
			.containsExactlyElementsOf(placed.entries()
				.stream()
				.map((entry) -> org.assertj.core.groups.Tuple.tuple(entry.itemId(), entry.estimated()))
				.toList());
	}

	@Test
	void rangesThatEndBeforeTheyStartOrAreLongerThanAQuarterAreRefused() {
		Instant now = this.clock.instant();
		assertThatThrownBy(() -> this.agenda.between(now, now)).isInstanceOfSatisfying(RuleViolation.class,
				(violation) -> assertThat(violation.messageKey()).isEqualTo("agenda.error.range-order"));
		assertThatThrownBy(() -> this.agenda.between(now, now.plus(Duration.ofDays(93)))).isInstanceOfSatisfying(
				RuleViolation.class,
				(violation) -> assertThat(violation.messageKey()).isEqualTo("agenda.error.range-too-long"));
		assertThat(this.agenda.between(now, now.plus(Duration.ofDays(92))).entries()).isNotEmpty();
	}

	private static AgendaEntry only(AgendaRange range, String slot) {
		List<AgendaEntry> found = range.entries().stream().filter((entry) -> slot.equals(entry.slot())).toList();
		assertThat(found).as("occurrences of %s", slot).hasSize(1);
		return found.get(0);
	}

}
