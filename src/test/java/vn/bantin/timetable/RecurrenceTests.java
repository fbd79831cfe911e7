package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.bantin.timetable.Recurrence.DateRange;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecurrenceTests {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final LocalTime SIX = LocalTime.of(6, 0);

	private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

	/** Radio: 06:00 and 17:00, Monday to Saturday. */
	private static final Recurrence RADIO = Recurrence.at(SIX, FIVE_PM)
		.withDays(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY);

	// 2026-06-01 is a Monday
	private static final LocalDate MONDAY_1_JUNE = LocalDate.of(2026, 6, 1);

	private static Instant local(LocalDate date, LocalTime time) {
		return ZonedDateTime.of(date, time, VN).toInstant();
	}

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(VN).toInstant();
	}

	private static List<LocalDateTime> wallClock(List<ZonedDateTime> occurrences) {
		return occurrences.stream().map(ZonedDateTime::toLocalDateTime).toList();
	}

	@Test
	void radioTwiceADayMondayToSaturdayOverASimulatedWeek() {
		assertThat(MONDAY_1_JUNE.getDayOfWeek()).isEqualTo(MONDAY);
		Instant from = local(MONDAY_1_JUNE, LocalTime.MIDNIGHT);
		List<ZonedDateTime> week = RADIO.occurrences(from, from.plus(java.time.Duration.ofDays(7)), VN);
		assertThat(week).hasSize(12)
			.isSorted()
			.doesNotHaveDuplicates()
			.allSatisfy((occurrence) -> assertThat(occurrence.getZone()).isEqualTo(VN))
			.noneMatch((occurrence) -> occurrence.getDayOfWeek() == SUNDAY)
			.allMatch((occurrence) -> occurrence.toLocalTime().equals(SIX) || occurrence.toLocalTime().equals(FIVE_PM));
		assertThat(week.get(0).toLocalDateTime()).isEqualTo(MONDAY_1_JUNE.atTime(SIX));
		assertThat(week.get(11).toLocalDateTime()).isEqualTo(MONDAY_1_JUNE.plusDays(5).atTime(FIVE_PM));
		// 06:00 in Vietnam is 23:00 UTC of the day before, whatever the JVM's zone
		// (surefire runs the tests in America/New_York)
		assertThat(week.get(0).toInstant()).isEqualTo(Instant.parse("2026-05-31T23:00:00Z"));
	}

	@Test
	void sevenInTheMorningInVietnamIsMidnightUtcAndBoundsArePrecise() {
		Recurrence seven = Recurrence.at(LocalTime.of(7, 0));
		Instant midnightUtc = Instant.parse("2026-06-02T00:00:00Z");
		assertThat(seven.occurrences(midnightUtc, midnightUtc.plusMillis(1), VN)).singleElement()
			.satisfies((occurrence) -> {
				assertThat(occurrence.toInstant()).isEqualTo(midnightUtc);
				assertThat(occurrence.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-06-02T07:00"));
			});
		// from is inclusive, to is exclusive
		assertThat(seven.occurrences(midnightUtc.plusMillis(1), midnightUtc.plusSeconds(3600), VN)).isEmpty();
		assertThat(seven.occurrences(midnightUtc.minusSeconds(3600), midnightUtc, VN)).isEmpty();
		assertThat(seven.occurrences(midnightUtc, midnightUtc, VN)).isEmpty();
	}

	@Test
	void halfPastSixInVietnamIsHalfPastElevenUtcOfThePreviousDay() {
		Recurrence slots = Recurrence.at(LocalTime.of(6, 30), LocalTime.of(7, 0));
		// one UTC day: 2026-06-02T00:00Z to 2026-06-03T00:00Z
		Instant from = Instant.parse("2026-06-02T00:00:00Z");
		List<ZonedDateTime> utcDay = slots.occurrences(from, from.plusSeconds(86400), VN);
		assertThat(utcDay).extracting(ZonedDateTime::toInstant)
			.containsExactly(Instant.parse("2026-06-02T00:00:00Z"), Instant.parse("2026-06-02T23:30:00Z"));
		assertThat(wallClock(utcDay)).containsExactly(LocalDateTime.parse("2026-06-02T07:00"),
				LocalDateTime.parse("2026-06-03T06:30"));
		// the 06:30 of 2 June belongs to the UTC day before
		assertThat(slots.occurrences(Instant.parse("2026-06-01T23:30:00Z"), from, VN)).singleElement()
			.satisfies((occurrence) -> assertThat(occurrence.toLocalDateTime())
				.isEqualTo(LocalDateTime.parse("2026-06-02T06:30")));
		assertThat(slots.occurrences(Instant.parse("2026-06-01T23:30:00.001Z"), from, VN)).isEmpty();
	}

	@Test
	void everyTwoWeeksCountsFromTheAnchorsWeek() {
		// the anchor is a Wednesday: its week starts on Monday 1 June
		Recurrence fortnightly = Recurrence.at(SIX).withDays(MONDAY).withEveryWeeks(2, LocalDate.of(2026, 6, 3));
		List<ZonedDateTime> june = fortnightly.occurrences(local("2026-06-01T00:00"), local("2026-07-01T00:00"), VN);
		assertThat(wallClock(june)).containsExactly(LocalDateTime.parse("2026-06-01T06:00"),
				LocalDateTime.parse("2026-06-15T06:00"), LocalDateTime.parse("2026-06-29T06:00"));
		// the count also runs backwards from the anchor
		assertThat(fortnightly.occurrences(local("2026-05-01T00:00"), local("2026-06-01T00:00"), VN))
			.extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 18));
	}

	@Test
	void specificDatesAreTheOnlyDates() {
		Recurrence meetings = Recurrence.at(LocalTime.of(19, 30))
			.withDates(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 6, 10), LocalDate.of(2027, 1, 1));
		assertThat(wallClock(meetings.occurrences(local("2026-01-01T00:00"), local("2027-01-01T00:00"), VN)))
			.containsExactly(LocalDateTime.parse("2026-06-10T19:30"), LocalDateTime.parse("2026-09-02T19:30"));
		// days of the week still apply: 2 September 2026 is a Wednesday
		assertThat(meetings.withDays(WEDNESDAY).occurrences(local("2026-01-01T00:00"), local("2027-12-31T00:00"), VN))
			.extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 9, 2));
	}

	@Test
	void dateRangesAreInclusiveAtBothEnds() {
		Recurrence campaign = Recurrence.at(SIX)
			.withRanges(new DateRange(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 7)),
					new DateRange(LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 20)));
		assertThat(campaign.occurrences(local("2026-06-01T00:00"), local("2026-07-01T00:00"), VN))
			.extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 6), LocalDate.of(2026, 6, 7),
					LocalDate.of(2026, 6, 20));
	}

	@Test
	void excludedDatesOfTetAreSkipped() {
		// Tết 2027: from Saturday 6 February to Wednesday 10 February
		Recurrence radio = RADIO.withExcluded(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
				LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10));
		List<ZonedDateTime> twoWeeks = radio.occurrences(local("2027-02-01T00:00"), local("2027-02-15T00:00"), VN);
		assertThat(twoWeeks).extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 2),
					LocalDate.of(2027, 2, 2), LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 3),
					LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 5),
					LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 11), LocalDate.of(2027, 2, 11),
					LocalDate.of(2027, 2, 12), LocalDate.of(2027, 2, 12), LocalDate.of(2027, 2, 13),
					LocalDate.of(2027, 2, 13));
		assertThat(RADIO.occurrences(local("2027-02-01T00:00"), local("2027-02-15T00:00"), VN)).hasSize(24);
	}

	@Test
	void cronEqualsTheEquivalentTimesAndDaysOverAMonth() {
		Recurrence cron = Recurrence.cron("0 0 7 ? * MON-FRI");
		Recurrence rule = Recurrence.at(LocalTime.of(7, 0)).withDays(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
		Instant from = local("2026-06-01T00:00");
		Instant to = local("2026-07-01T00:00");
		List<ZonedDateTime> byCron = cron.occurrences(from, to, VN);
		assertThat(byCron).hasSize(22).isEqualTo(rule.occurrences(from, to, VN));
		assertThat(byCron.get(0).toInstant()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
		// the bounds are as precise as with times of day: 07:00 local is 00:00 UTC
		Instant midnightUtc = Instant.parse("2026-06-02T00:00:00Z");
		assertThat(cron.occurrences(midnightUtc, midnightUtc.plusMillis(1), VN)).hasSize(1);
		assertThat(cron.occurrences(midnightUtc.plusMillis(1), midnightUtc.plusSeconds(60), VN)).isEmpty();
		assertThat(cron.occurrences(midnightUtc.minusSeconds(60), midnightUtc, VN)).isEmpty();
		// dates, ranges and excluded dates still filter a cron expression
		Recurrence filtered = cron.withExcluded(LocalDate.of(2026, 6, 1))
			.withRanges(new DateRange(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 7)));
		assertThat(filtered.occurrences(from, to, VN))
			.isEqualTo(rule.withExcluded(LocalDate.of(2026, 6, 1))
				.withRanges(new DateRange(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 7)))
				.occurrences(from, to, VN))
			.hasSize(4);
	}

	@Test
	void nextCrossesTheWeekend() {
		// Saturday 6 June 2026, 17:00: Sunday is skipped
		assertThat(RADIO.next(local("2026-06-06T17:00"), VN)).map(ZonedDateTime::toLocalDateTime)
			.contains(LocalDateTime.parse("2026-06-08T06:00"));
		// strictly after
		assertThat(RADIO.next(local("2026-06-06T16:59:59.999"), VN)).map(ZonedDateTime::toLocalDateTime)
			.contains(LocalDateTime.parse("2026-06-06T17:00"));
		Recurrence weekdays = Recurrence.cron("0 0 7 ? * MON-FRI");
		assertThat(weekdays.next(local("2026-06-05T07:00"), VN)).map(ZonedDateTime::toInstant)
			.contains(Instant.parse("2026-06-08T00:00:00Z"));
		assertThat(weekdays.next(Instant.parse("2026-06-07T23:59:59.999Z"), VN)).map(ZonedDateTime::toInstant)
			.contains(Instant.parse("2026-06-08T00:00:00Z"));
	}

	@Test
	void nextCrossesAnExcludedHoliday() {
		Recurrence radio = RADIO.withExcluded(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
				LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10));
		assertThat(radio.next(local("2027-02-05T17:00"), VN)).map(ZonedDateTime::toLocalDateTime)
			.contains(LocalDateTime.parse("2027-02-11T06:00"));
		Recurrence cron = Recurrence.cron("0 0 6,17 ? * MON-SAT").withExcluded(radio.excluded());
		assertThat(cron.next(local("2027-02-05T17:00"), VN)).map(ZonedDateTime::toLocalDateTime)
			.contains(LocalDateTime.parse("2027-02-11T06:00"));
	}

	@Test
	void nextIsEmptyWhenNothingIsLeft() {
		Recurrence once = Recurrence.at(SIX).withDates(LocalDate.of(2026, 6, 1));
		assertThat(once.next(local("2026-06-01T05:00"), VN)).map(ZonedDateTime::toLocalDateTime)
			.contains(LocalDateTime.parse("2026-06-01T06:00"));
		assertThat(once.next(local("2026-06-01T06:00"), VN)).isEmpty();
		assertThat(Recurrence.cron("0 0 7 1 1 ? 2020").next(local("2026-06-01T06:00"), VN)).isEmpty();
		assertThat(Recurrence.at(SIX).withDates(LocalDate.of(2040, 1, 1)).next(local("2026-06-01T06:00"), VN))
			.isEqualTo(Optional.empty());
	}

	@Test
	void timesAreSortedWithoutDuplicates() {
		Recurrence recurrence = Recurrence.at(FIVE_PM, SIX, FIVE_PM);
		assertThat(recurrence.times()).containsExactly(SIX, FIVE_PM);
		assertThat(recurrence.occurrences(local("2026-06-01T00:00"), local("2026-06-02T00:00"), VN))
			.extracting(ZonedDateTime::toLocalTime)
			.containsExactly(SIX, FIVE_PM);
	}

	@Test
	void badInputsAreRejectedNamingTheField() {
		assertThatIllegalArgumentException().isThrownBy(Recurrence::at).withMessageStartingWith("times:");
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.at(SIX).withEveryWeeks(0, MONDAY_1_JUNE))
			.withMessageStartingWith("everyWeeks:");
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.at(SIX).withEveryWeeks(2, null))
			.withMessageStartingWith("anchor:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DateRange(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 1)))
			.withMessageStartingWith("ranges:");
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.cron("every morning"))
			.withMessageStartingWith("cron:");
		// Quartz refuses both a day of month and a day of week
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.cron("0 0 7 * * MON"))
			.withMessageStartingWith("cron:");
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.cron(" ")).withMessageStartingWith("cron:");
		assertThatIllegalArgumentException().isThrownBy(() -> Recurrence.at(SIX, null))
			.withMessageStartingWith("times:");
		assertThatIllegalArgumentException().isThrownBy(() -> RADIO.withExcluded((LocalDate) null))
			.withMessageStartingWith("excluded:");
	}

	@Test
	void aYearOfATwiceDailySlot() {
		Recurrence twiceDaily = Recurrence.at(LocalTime.of(5, 30), FIVE_PM);
		List<ZonedDateTime> year = twiceDaily.occurrences(local("2027-01-01T00:00"), local("2028-01-01T00:00"), VN);
		assertThat(year).hasSize(730).isSorted().doesNotHaveDuplicates();
		assertThat(year.get(0).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-01-01T05:30"));
		assertThat(year.get(729).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-12-31T17:00"));
		assertThat(year).extracting(ZonedDateTime::getDayOfWeek).contains(DayOfWeek.values());
	}

}
