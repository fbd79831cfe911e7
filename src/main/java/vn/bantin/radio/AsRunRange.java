package vn.bantin.radio;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import vn.bantin.system.RuleViolation;

/**
 * A range of the as-run log as people and programs ask for it: ISO dates (whole days in
 * the commune's zone, {@code to} included), date-times in the commune's zone, or instants
 * with an offset. Without {@code from}, today; without {@code to}, the day of
 * {@code from} (or a day after an instant).
 *
 * @param from the first instant
 * @param to the instant after the last
 */
record AsRunRange(Instant from, Instant to) {

	/**
	 * Reads a range.
	 * @throws RuleViolation naming {@code from} or {@code to} when one is not a date or
	 * time, or {@code to} is not after {@code from}
	 */
	static AsRunRange parse(String from, String to, ZoneId zone, LocalDate today) {
		Instant start;
		Instant defaultEnd;
		if (blank(from)) {
			start = today.atStartOfDay(zone).toInstant();
			defaultEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
		}
		else {
			LocalDate day = date(from);
			if (day != null) {
				start = day.atStartOfDay(zone).toInstant();
				defaultEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
			}
			else {
				start = instant(from, zone, "from");
				defaultEnd = start.plus(java.time.Duration.ofDays(1));
			}
		}
		Instant end;
		if (blank(to)) {
			end = defaultEnd;
		}
		else {
			LocalDate day = date(to);
			end = (day != null) ? day.plusDays(1).atStartOfDay(zone).toInstant() : instant(to, zone, "to");
		}
		if (!end.isAfter(start)) {
			throw new RuleViolation("to", "asrun.error.range-order");
		}
		return new AsRunRange(start, end);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static Instant instant(String text, ZoneId zone, String field) {
		String value = text.strip();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			// no offset: a wall-clock time in the commune
		}
		try {
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new RuleViolation(field, "asrun.error.range-time");
		}
	}

}
