package vn.bantin.timetable;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

import org.quartz.CronExpression;

/**
 * When a timetable slot recurs, on the commune's local wall clock: times of day, days of
 * the week, every N weeks, specific dates, date ranges and excluded dates (holidays,
 * Tết), or a Quartz cron expression as an escape hatch. A pure, immutable value: it knows
 * nothing of Spring or the database, and never reads the JVM's default zone; every
 * computation takes the commune's {@link ZoneId}.
 *
 * <p>
 * <b>How the parts combine.</b> A local date is <em>eligible</em> when all of these hold:
 * <ul>
 * <li>{@code dates} is empty, or contains the date;</li>
 * <li>{@code ranges} is empty, or one of them contains the date (both ends
 * inclusive);</li>
 * <li>{@code excluded} does not contain the date.</li>
 * </ul>
 * Without a cron expression, an eligible date also has to fall on one of {@code days}
 * (empty means every day) and in a week that is a multiple of {@code everyWeeks} weeks
 * away from the week of {@code anchor} (weeks start on Monday; the count runs both
 * forwards and backwards from the anchor), and the slot occurs at each of {@code times}
 * on such a date. With a cron expression, the slot occurs at each fire time of the
 * expression (seconds first, as {@link CronExpression}, read in the commune's zone) whose
 * local date is eligible; {@code times}, {@code days}, {@code everyWeeks} and
 * {@code anchor} are then ignored.
 *
 * <p>
 * A local time that does not exist on a date (a daylight-saving gap, not in Vietnam) is
 * moved forward by the length of the gap; in an overlap the earlier offset is used.
 *
 * @param times the local times of day, sorted and without duplicates; at least one unless
 * {@code cron} is given
 * @param days the days of the week; empty means every day
 * @param everyWeeks the slot recurs every this many weeks, at least 1
 * @param anchor a date in the first week counted by {@code everyWeeks}; required when
 * {@code everyWeeks} is more than 1, may be {@code null} otherwise
 * @param dates if not empty, the only dates the slot may occur on
 * @param ranges if not empty, the slot occurs only on a date inside one of them
 * @param excluded dates the slot never occurs on (holidays, Tết)
 * @param cron a Quartz cron expression, or {@code null}
 */
public record Recurrence(List<LocalTime> times, Set<DayOfWeek> days, int everyWeeks, LocalDate anchor,
		Set<LocalDate> dates, List<DateRange> ranges, Set<LocalDate> excluded, String cron) {

	/** How far {@link #next} looks ahead before it gives up. */
	public static final int NEXT_HORIZON_YEARS = 5;

	/**
	 * Validates and copies the parts; {@code null} collections are taken as empty and a
	 * blank {@code cron} as none.
	 * @throws IllegalArgumentException naming the field that is wrong
	 */
	public Recurrence {
		times = (times != null) ? List.copyOf(new TreeSet<>(noNulls("times", times))) : List.of();
		days = (days == null || days.isEmpty()) ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(noNulls("days", days)));
		dates = (dates != null) ? Set.copyOf(noNulls("dates", dates)) : Set.of();
		ranges = (ranges != null) ? List.copyOf(noNulls("ranges", ranges)) : List.of();
		excluded = (excluded != null) ? Set.copyOf(noNulls("excluded", excluded)) : Set.of();
		cron = (cron == null || cron.isBlank()) ? null : cron.strip();
		if (everyWeeks < 1) {
			throw new IllegalArgumentException("everyWeeks: must be at least 1, was " + everyWeeks);
		}
		if (everyWeeks > 1 && anchor == null) {
			throw new IllegalArgumentException("anchor: required when everyWeeks is " + everyWeeks);
		}
		if (cron != null) {
			try {
				CronExpression.validateExpression(cron);
			}
			catch (ParseException ex) {
				throw new IllegalArgumentException(
						"cron: not a Quartz cron expression: \"" + cron + "\" (" + ex.getMessage() + ")", ex);
			}
		}
		else if (times.isEmpty()) {
			throw new IllegalArgumentException("times: at least one time of day (or a cron expression)");
		}
	}

	/**
	 * Every day at the given local times; narrow it with the {@code with…} methods.
	 * @throws IllegalArgumentException when no time is given
	 */
	public static Recurrence at(LocalTime... times) {
		return new Recurrence(Arrays.asList(times), null, 1, null, null, null, null, null);
	}

	/**
	 * At each fire time of a Quartz cron expression (seconds first, e.g.
	 * {@code 0 0 6 ? * MON-SAT}) read in the commune's zone.
	 * @throws IllegalArgumentException when the expression is not valid
	 */
	public static Recurrence cron(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new IllegalArgumentException("cron: an expression is required");
		}
		return new Recurrence(null, null, 1, null, null, null, null, expression);
	}

	/** A copy that occurs only on the given days of the week (none: every day). */
	public Recurrence withDays(DayOfWeek... days) {
		return new Recurrence(this.times, new HashSet<>(Arrays.asList(days)), this.everyWeeks, this.anchor, this.dates,
				this.ranges, this.excluded, this.cron);
	}

	/**
	 * A copy that occurs every {@code weeks} weeks, counting from the week (Monday to
	 * Sunday) that contains {@code anchor}.
	 */
	public Recurrence withEveryWeeks(int weeks, LocalDate anchor) {
		return new Recurrence(this.times, this.days, weeks, anchor, this.dates, this.ranges, this.excluded, this.cron);
	}

	/** A copy that occurs only on the given dates. */
	public Recurrence withDates(LocalDate... dates) {
		return new Recurrence(this.times, this.days, this.everyWeeks, this.anchor, new HashSet<>(Arrays.asList(dates)),
				this.ranges, this.excluded, this.cron);
	}

	/** A copy that occurs only inside one of the given ranges. */
	public Recurrence withRanges(DateRange... ranges) {
		return new Recurrence(this.times, this.days, this.everyWeeks, this.anchor, this.dates, Arrays.asList(ranges),
				this.excluded, this.cron);
	}

	/** A copy that never occurs on the given dates, in addition to those excluded. */
	public Recurrence withExcluded(Collection<LocalDate> excluded) {
		Set<LocalDate> all = new TreeSet<>(this.excluded);
		all.addAll(noNulls("excluded", excluded));
		return new Recurrence(this.times, this.days, this.everyWeeks, this.anchor, this.dates, this.ranges, all,
				this.cron);
	}

	/** A copy that never occurs on the given dates, in addition to those excluded. */
	public Recurrence withExcluded(LocalDate... excluded) {
		return withExcluded(Arrays.asList(excluded));
	}

	/**
	 * Every occurrence at or after {@code fromInclusive} and before {@code toExclusive},
	 * on the wall clock of {@code zone}, sorted and without duplicates. Empty when
	 * {@code toExclusive} is not after {@code fromInclusive}. The work is proportional to
	 * the number of days in the window (or of cron fire times), not of minutes.
	 */
	public List<ZonedDateTime> occurrences(Instant fromInclusive, Instant toExclusive, ZoneId zone) {
		Objects.requireNonNull(fromInclusive, "fromInclusive");
		Objects.requireNonNull(toExclusive, "toExclusive");
		Objects.requireNonNull(zone, "zone");
		if (!toExclusive.isAfter(fromInclusive)) {
			return List.of();
		}
		if (this.cron != null) {
			return cronOccurrences(fromInclusive, toExclusive, zone);
		}
		TreeSet<ZonedDateTime> found = new TreeSet<>();
		LocalDate first = max(fromInclusive.atZone(zone).toLocalDate().minusDays(1), earliestEligible());
		LocalDate last = min(toExclusive.atZone(zone).toLocalDate().plusDays(1), latestEligible());
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			for (ZonedDateTime occurrence : on(date, zone)) {
				Instant instant = occurrence.toInstant();
				if (!instant.isBefore(fromInclusive) && instant.isBefore(toExclusive)) {
					found.add(occurrence);
				}
			}
		}
		return List.copyOf(found);
	}

	/**
	 * The first occurrence strictly after {@code after}, on the wall clock of
	 * {@code zone}; empty when there is none within {@value #NEXT_HORIZON_YEARS} years.
	 */
	public Optional<ZonedDateTime> next(Instant after, ZoneId zone) {
		Objects.requireNonNull(after, "after");
		Objects.requireNonNull(zone, "zone");
		LocalDate start = after.atZone(zone).toLocalDate();
		Instant horizon = after.atZone(zone).plusYears(NEXT_HORIZON_YEARS).toInstant();
		if (this.cron != null) {
			CronExpression expression = expression(zone);
			Date fire = expression.getTimeAfter(Date.from(after));
			while (fire != null && !fire.toInstant().isAfter(horizon)) {
				ZonedDateTime occurrence = fire.toInstant().atZone(zone);
				if (eligible(occurrence.toLocalDate())) {
					return Optional.of(occurrence);
				}
				fire = expression.getTimeAfter(fire);
			}
			return Optional.empty();
		}
		LocalDate first = max(start.minusDays(1), earliestEligible());
		LocalDate last = min(horizon.atZone(zone).toLocalDate(), latestEligible());
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			for (ZonedDateTime occurrence : on(date, zone)) {
				if (occurrence.toInstant().isAfter(after) && !occurrence.toInstant().isAfter(horizon)) {
					return Optional.of(occurrence);
				}
			}
		}
		return Optional.empty();
	}

	private List<ZonedDateTime> cronOccurrences(Instant fromInclusive, Instant toExclusive, ZoneId zone) {
		CronExpression expression = expression(zone);
		List<ZonedDateTime> found = new ArrayList<>();
		// getTimeAfter is strictly after and works in whole seconds
		Date fire = expression.getTimeAfter(Date.from(fromInclusive.minusMillis(1)));
		while (fire != null && fire.toInstant().isBefore(toExclusive)) {
			ZonedDateTime occurrence = fire.toInstant().atZone(zone);
			if (!fire.toInstant().isBefore(fromInclusive) && eligible(occurrence.toLocalDate())) {
				found.add(occurrence);
			}
			fire = expression.getTimeAfter(fire);
		}
		return List.copyOf(found);
	}

	private CronExpression expression(ZoneId zone) {
		try {
			// a new instance per call: CronExpression is mutable (its time zone)
			CronExpression expression = new CronExpression(this.cron);
			expression.setTimeZone(TimeZone.getTimeZone(zone));
			return expression;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("cron: validated yet unparsable: " + this.cron, ex);
		}
	}

	/** The occurrences on a local date, in order; empty when the date is not used. */
	private List<ZonedDateTime> on(LocalDate date, ZoneId zone) {
		if (!eligible(date) || !(this.days.isEmpty() || this.days.contains(date.getDayOfWeek()))
				|| !inCountedWeek(date)) {
			return List.of();
		}
		List<ZonedDateTime> occurrences = new ArrayList<>(this.times.size());
		for (LocalTime time : this.times) {
			occurrences.add(ZonedDateTime.of(date, time, zone));
		}
		return occurrences;
	}

	private boolean eligible(LocalDate date) {
		return (this.dates.isEmpty() || this.dates.contains(date))
				&& (this.ranges.isEmpty() || this.ranges.stream().anyMatch((range) -> range.contains(date)))
				&& !this.excluded.contains(date);
	}

	private boolean inCountedWeek(LocalDate date) {
		if (this.everyWeeks == 1) {
			return true;
		}
		long weeks = ChronoUnit.WEEKS.between(monday(this.anchor), monday(date));
		return Math.floorMod(weeks, this.everyWeeks) == 0;
	}

	private static LocalDate monday(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The first date the filters may allow, to skip empty stretches. */
	private LocalDate earliestEligible() {
		LocalDate earliest = LocalDate.MIN;
		if (!this.dates.isEmpty()) {
			earliest = max(earliest, Collections.min(this.dates));
		}
		if (!this.ranges.isEmpty()) {
			earliest = max(earliest, this.ranges.stream().map(DateRange::from).min(LocalDate::compareTo).get());
		}
		return earliest;
	}

	/** The last date the filters may allow, to skip empty stretches. */
	private LocalDate latestEligible() {
		LocalDate latest = LocalDate.MAX;
		if (!this.dates.isEmpty()) {
			latest = min(latest, Collections.max(this.dates));
		}
		if (!this.ranges.isEmpty()) {
			latest = min(latest, this.ranges.stream().map(DateRange::to).max(LocalDate::compareTo).get());
		}
		return latest;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static <T> Collection<T> noNulls(String field, Collection<T> values) {
		for (T value : values) {
			if (value == null) {
				throw new IllegalArgumentException(field + ": contains null");
			}
		}
		return values;
	}

	/**
	 * A range of local dates, both ends inclusive.
	 *
	 * @param from the first date
	 * @param to the last date, not before {@code from}
	 */
	public record DateRange(LocalDate from, LocalDate to) {

		/**
		 * @throws IllegalArgumentException when an end is missing or {@code to} is before
		 * {@code from}
		 */
		public DateRange {
			if (from == null || to == null) {
				throw new IllegalArgumentException("ranges: both from and to are required");
			}
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("ranges: to " + to + " is before from " + from);
			}
		}

		/** Whether {@code date} lies in this range, ends included. */
		public boolean contains(LocalDate date) {
			return !date.isBefore(this.from) && !date.isAfter(this.to);
		}

	}

}
