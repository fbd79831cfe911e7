package vn.bantin.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * The one way an instant is written for machines in pages, feeds, sitemaps, playlists and
 * calendars: whole seconds, always with the seconds, with {@code Z} or the offset
 * ({@code 2026-12-07T03:33:52Z}, {@code 2026-12-07T10:33:52+07:00}). A real clock has
 * microseconds, and {@link Instant#toString()} writes them all
 * ({@code 2026-12-07T03:33:52.395513Z}), which HTML's {@code <time datetime>} refuses (at
 * most three fractional digits) and which no reader needs; {@code OffsetDateTime}'s
 * {@code toString()} also drops zero seconds ({@code 06:00+07:00}), which XML Schema's
 * {@code dateTime} refuses. The JSON API keeps the stored precision: JSON has no such
 * limit, and a client may compare instants it was given.
 *
 * <p>
 * Protocol formats that are not ISO 8601 have their own method here ({@link #icalendar});
 * HTTP dates are written by Spring (RFC 1123, seconds) and feed dates by Rome from
 * {@link #toSecond truncated} instants.
 */
public final class Timestamps {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final DateTimeFormatter ICALENDAR = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/** {@code at} truncated to the second; null stays null. */
	public static Instant toSecond(Instant at) {
		return (at != null) ? at.truncatedTo(ChronoUnit.SECONDS) : null;
	}

	/** {@code at} in UTC, e.g. {@code 2026-12-07T03:33:52Z}; null for null. */
	public static String iso(Instant at) {
		return (at != null) ? ISO.format(toSecond(at).atOffset(ZoneOffset.UTC)) : null;
	}

	/**
	 * {@code at} with the offset of {@code zone} at that instant, e.g.
	 * {@code 2026-12-07T10:33:52+07:00}; null for null.
	 */
	public static String iso(Instant at, ZoneId zone) {
		return (at != null) ? ISO.format(toSecond(at).atZone(zone)) : null;
	}

	/**
	 * Any date or time as an HTML {@code datetime} / ISO 8601 value, to the second: an
	 * {@link Instant} in UTC, an {@link OffsetDateTime} or {@link ZonedDateTime} with its
	 * offset, a {@link LocalDateTime} without one, a {@link LocalDate} as
	 * {@code 2026-12-07}, a {@link LocalTime} as {@code 06:00:00}; null for null.
	 * @throws IllegalArgumentException for anything else
	 */
	public static String iso(TemporalAccessor value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Instant instant) {
			return iso(instant);
		}
		if (value instanceof OffsetDateTime offset) {
			return ISO.format(offset.truncatedTo(ChronoUnit.SECONDS));
		}
		if (value instanceof ZonedDateTime zoned) {
			return ISO.format(zoned.truncatedTo(ChronoUnit.SECONDS));
		}
		if (value instanceof LocalDateTime local) {
			return ISO_LOCAL.format(local.truncatedTo(ChronoUnit.SECONDS));
		}
		if (value instanceof LocalDate date) {
			return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
		}
		if (value instanceof LocalTime time) {
			return TIME.format(time);
		}
		throw new IllegalArgumentException("not a date or time: " + value.getClass().getName());
	}

	/**
	 * {@code at} as an iCalendar UTC date-time (RFC 5545), e.g. {@code 20261207T033352Z}.
	 */
	public static String icalendar(Instant at) {
		return ICALENDAR.format(toSecond(at));
	}

}
