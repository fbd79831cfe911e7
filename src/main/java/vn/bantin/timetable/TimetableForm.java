package vn.bantin.timetable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.StringUtils;

/**
 * Reading and writing the text fields of the timetable forms: times of day, dates, date
 * ranges, durations, lists of words. Each reader rejects bad text on a
 * {@link TimetableFormRefused.Collector} under the form field's name and returns
 * {@code null} (or nothing) for it, so that one submission reports every bad field at
 * once. The writers give the canonical text the readers accept, used both to fill the
 * forms and to store entries ({@link TimetableText}).
 */
final class TimetableForm {

	/** Keys of slots and campaigns: what {@code schedules/} files use too. */
	static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:hg](\\d{2})?");

	private static final Pattern DURATION_PART = Pattern
		.compile("(\\d+)\\s*(ngày|ngay|d|giờ|gio|h|g|phút|phut|ph|p|m|min|giây|giay|s)", Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private TimetableForm() {
	}

	static boolean blank(String text) {
		return !StringUtils.hasText(text);
	}

	static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

	/**
	 * The key of a slot or campaign: required, lowercase words joined by dashes, at most
	 * 100 characters; {@code null} when blank.
	 */
	static String key(String text, TimetableForm.Errors errors) {
		String key = strip(text);
		if (key == null) {
			errors.reject("key", "timetable.error.key-required");
		}
		else if (!KEY.matcher(key).matches() || key.length() > 100) {
			errors.reject("key", "timetable.error.key", key);
		}
		return key;
	}

	/** The names of a set of constants, in their order, separated by commas. */
	static String names(Set<? extends Enum<?>> values) {
		return (values != null) ? values.stream().sorted().map(Enum::name).collect(Collectors.joining(",")) : "";
	}

	/** The constants a text of {@link #names} names (also separated by spaces). */
	static <E extends Enum<E>> Set<E> constants(Class<E> type, String text) {
		Set<E> values = EnumSet.noneOf(type);
		words((text != null) ? text.replace(' ', ',') : "")
			.forEach((name) -> values.add(Enum.valueOf(type, name.toUpperCase(Locale.ROOT))));
		return values;
	}

	/** Words separated by commas, semicolons or line breaks, stripped, in order. */
	static List<String> words(String text) {
		if (blank(text)) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\n]")).map(String::strip).filter(StringUtils::hasText).distinct().toList();
	}

	/** Times of day such as {@code 06:00, 17:30} (also {@code 6h}, {@code 17h30}). */
	static List<LocalTime> times(String text, String field, TimetableForm.Errors errors) {
		List<LocalTime> times = new ArrayList<>();
		for (String word : (blank(text) ? List.<String>of() : Arrays.asList(text.strip().split("[,;\\s]+")))) {
			Matcher matcher = TIME.matcher(word.toLowerCase(Locale.ROOT));
			if (!matcher.matches()) {
				errors.reject(field, "timetable.error.time", word);
				continue;
			}
			int hour = Integer.parseInt(matcher.group(1));
			int minute = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0;
			if (hour > 23 || minute > 59) {
				errors.reject(field, "timetable.error.time", word);
				continue;
			}
			times.add(LocalTime.of(hour, minute));
		}
		return times;
	}

	static String times(Collection<LocalTime> times) {
		return new TreeSet<>(times).stream().map(TimetableForm::time).collect(Collectors.joining(", "));
	}

	static String time(LocalTime time) {
		return (time.getSecond() == 0) ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
				: time.toString();
	}

	/** One date, {@code 2026-01-31} or {@code 31/1/2026}; {@code null} when blank. */
	static LocalDate date(String text, String field, TimetableForm.Errors errors) {
		if (blank(text)) {
			return null;
		}
		LocalDate date = parseDate(text.strip());
		if (date == null) {
			errors.reject(field, "timetable.error.date", text.strip());
		}
		return date;
	}

	/** Dates separated by commas, semicolons, spaces or line breaks. */
	static Set<LocalDate> dates(String text, String field, TimetableForm.Errors errors) {
		Set<LocalDate> dates = new TreeSet<>();
		for (String word : (blank(text) ? List.<String>of() : Arrays.asList(text.strip().split("[,;\\s]+")))) {
			LocalDate date = parseDate(word);
			if (date == null) {
				errors.reject(field, "timetable.error.date", word);
			}
			else {
				dates.add(date);
			}
		}
		return dates;
	}

	static String dates(Collection<LocalDate> dates) {
		return new TreeSet<>(dates).stream().map(LocalDate::toString).collect(Collectors.joining(", "));
	}

	/**
	 * Date ranges separated by commas, semicolons or line breaks, each
	 * {@code 2026-01-01..2026-01-31} (also with {@code –} or {@code đến}).
	 */
	static List<Recurrence.DateRange> ranges(String text, String field, TimetableForm.Errors errors) {
		List<Recurrence.DateRange> ranges = new ArrayList<>();
		for (String word : words(text)) {
			String[] ends = word.split("\\s*(\\.\\.|–|—|\\sđến\\s|\\sto\\s)\\s*");
			LocalDate from = (ends.length == 2) ? parseDate(ends[0].strip()) : null;
			LocalDate to = (ends.length == 2) ? parseDate(ends[1].strip()) : null;
			if (from == null || to == null) {
				errors.reject(field, "timetable.error.range", word);
			}
			else if (to.isBefore(from)) {
				errors.reject(field, "timetable.error.range-backwards", word);
			}
			else {
				ranges.add(new Recurrence.DateRange(from, to));
			}
		}
		return ranges;
	}

	static String ranges(Collection<Recurrence.DateRange> ranges) {
		return ranges.stream().map((range) -> range.from() + ".." + range.to()).collect(Collectors.joining(", "));
	}

	/**
	 * A duration such as {@code 30m}, {@code 1h30m}, {@code 7d}, {@code 30 phút},
	 * {@code 1 giờ 30 phút} or ISO-8601 {@code PT30M}; {@code null} when blank.
	 */
	static Duration duration(String text, String field, TimetableForm.Errors errors) {
		if (blank(text)) {
			return null;
		}
		String value = text.strip();
		if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
			try {
				return checkedDuration(Duration.parse(value.toUpperCase(Locale.ROOT)), value, field, errors);
			}
			catch (DateTimeParseException ex) {
				errors.reject(field, "timetable.error.duration", value);
				return null;
			}
		}
		Matcher matcher = DURATION_PART.matcher(value);
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find()) {
			if (!value.substring(end, matcher.start()).isBlank()) {
				break;
			}
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
				case "ngày", "ngay", "d" -> Duration.ofDays(amount);
				case "giờ", "gio", "h", "g" -> Duration.ofHours(amount);
				case "giây", "giay", "s" -> Duration.ofSeconds(amount);
				default -> Duration.ofMinutes(amount);
			});
			end = matcher.end();
		}
		if (end == 0 || !value.substring(end).isBlank()) {
			errors.reject(field, "timetable.error.duration", value);
			return null;
		}
		return checkedDuration(total, value, field, errors);
	}

	private static Duration checkedDuration(Duration duration, String text, String field, TimetableForm.Errors errors) {
		if (duration.isNegative()) {
			errors.reject(field, "timetable.error.duration", text);
			return null;
		}
		return duration;
	}

	/** The canonical text of a duration: {@code 7d}, {@code 1h30m}, {@code 45s}. */
	static String duration(Duration duration) {
		if (duration == null || duration.isZero()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		append(text, duration.toDaysPart(), "d");
		append(text, duration.toHoursPart(), "h");
		append(text, duration.toMinutesPart(), "m");
		append(text, duration.toSecondsPart(), "s");
		return text.toString();
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount > 0) {
			text.append(amount).append(unit);
		}
	}

	/** A whole number of at least {@code min}; {@code null} when blank. */
	static Integer number(String text, int min, String field, TimetableForm.Errors errors) {
		if (blank(text)) {
			return null;
		}
		try {
			int number = Integer.parseInt(text.strip());
			if (number >= min) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.reject(field, "timetable.error.number", text.strip(), min);
		return null;
	}

	static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	static Set<String> set(Collection<String> values) {
		return (values != null) ? new LinkedHashSet<>(values) : Set.of();
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text, VIETNAMESE_DATE);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/** Where the readers report bad text. */
	interface Errors {

		void reject(String field, String code, Object... args);

	}

}
