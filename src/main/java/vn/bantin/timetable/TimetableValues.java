package vn.bantin.timetable;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import vn.bantin.system.YamlFields;

/**
 * The typed values of a timetable file's fields: times of day, days of the week, dates
 * and date ranges, counts, durations, key lists and enum words. Each problem is reported
 * on the field it comes from, with a hint; a value with a problem is left out.
 *
 * <p>
 * Kept apart from {@link TimetableFile}, which reads the entries (zones, lists, slots,
 * campaigns) and decides what they mean together: these only turn one field's text into a
 * value, the same way for every entry.
 */
final class TimetableValues {

	private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

	private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

	private static final Pattern RANGE = Pattern.compile("(.+?)\\s*\\.\\.\\s*(.+)");

	private static final String DAY_HINT = "write mon, tue, wed, thu, fri, sat, sun, or a range like mon-sat";

	private static final Map<String, DayOfWeek> DAYS = days();

	private TimetableValues() {
	}

	static List<LocalTime> times(YamlFields fields) {
		List<LocalTime> times = new ArrayList<>();
		for (YamlFields.Scalar scalar : fields.scalars("times")) {
			Matcher matcher = TIME.matcher(scalar.text());
			LocalTime time = null;
			if (matcher.matches()) {
				try {
					time = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
				}
				catch (DateTimeException ex) {
					// reported below
				}
			}
			if (time == null) {
				fields.problem(scalar.mark(), "field '" + fields.name("times") + "': '" + scalar.text()
						+ "' is not a time of day; write HH:MM, e.g. 06:00");
			}
			else {
				times.add(time);
			}
		}
		return times;
	}

	static Set<DayOfWeek> days(YamlFields fields) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (YamlFields.Scalar scalar : fields.scalars("days")) {
			String text = scalar.text().toLowerCase(Locale.ROOT);
			int dash = text.indexOf('-');
			DayOfWeek first = DAYS.get((dash < 0) ? text : text.substring(0, dash).strip());
			DayOfWeek last = (dash < 0) ? first : DAYS.get(text.substring(dash + 1).strip());
			if (first == null || last == null) {
				fields.problem(scalar.mark(), "field '" + fields.name("days") + "': '" + scalar.text()
						+ "' is not a day of the week; " + DAY_HINT);
				continue;
			}
			// a range may wrap over the week's end, e.g. sat-mon
			for (DayOfWeek day = first;; day = day.plus(1)) {
				days.add(day);
				if (day == last) {
					break;
				}
			}
		}
		return days;
	}

	/**
	 * Dates, each a single date or (when {@code rangesToo}) a range {@code from..to}
	 * taken day by day.
	 */
	static List<LocalDate> dates(YamlFields fields, String name, boolean rangesToo) {
		List<LocalDate> dates = new ArrayList<>();
		for (YamlFields.Scalar scalar : fields.scalars(name)) {
			if (scalar.text().isEmpty()) {
				continue;
			}
			Matcher range = RANGE.matcher(scalar.text());
			if (rangesToo && range.matches()) {
				Recurrence.DateRange parsed = range(fields, name, scalar.mark(), range.group(1), range.group(2));
				if (parsed != null) {
					parsed.from().datesUntil(parsed.to().plusDays(1)).forEach(dates::add);
				}
				continue;
			}
			LocalDate date = date(fields, name, scalar.mark(), scalar.text(), rangesToo);
			if (date != null) {
				dates.add(date);
			}
		}
		return dates;
	}

	static List<Recurrence.DateRange> ranges(YamlFields fields, String name) {
		List<Recurrence.DateRange> ranges = new ArrayList<>();
		for (Node node : fields.nodes(name)) {
			Recurrence.DateRange range = null;
			if (node instanceof ScalarNode scalar) {
				Matcher matcher = RANGE.matcher(scalar.getValue().strip());
				if (matcher.matches()) {
					range = range(fields, name, node.getStartMark(), matcher.group(1), matcher.group(2));
				}
				else {
					fields.problem(node.getStartMark(), "field '" + fields.name(name) + "': '"
							+ scalar.getValue().strip() + "' is not a date range; write 2026-12-01..2026-12-31");
				}
			}
			else if (node instanceof MappingNode mapping) {
				YamlFields entry = fields.entry(name, mapping, Set.of("from", "to"));
				LocalDate from = entry.date("from", true);
				LocalDate to = entry.date("to", true);
				if (from != null && to != null) {
					if (to.isBefore(from)) {
						entry.problem("to", ": " + to + " is before 'from' " + from);
					}
					else {
						range = new Recurrence.DateRange(from, to);
					}
				}
			}
			else {
				fields.problem(node.getStartMark(), "field '" + fields.name(name)
						+ "': each entry is a range, 2026-12-01..2026-12-31 or {from: 2026-12-01, to: 2026-12-31}");
			}
			if (range != null) {
				ranges.add(range);
			}
		}
		return ranges;
	}

	static Recurrence.DateRange range(YamlFields fields, String name, Mark mark, String fromText, String toText) {
		LocalDate from = date(fields, name, mark, fromText, true);
		LocalDate to = date(fields, name, mark, toText, true);
		if (from == null || to == null) {
			return null;
		}
		if (to.isBefore(from)) {
			fields.problem(mark, "field '" + fields.name(name) + "': the range ends (" + to + ") before it starts ("
					+ from + "); write the earlier date first");
			return null;
		}
		return new Recurrence.DateRange(from, to);
	}

	static LocalDate date(YamlFields fields, String name, Mark mark, String text, boolean rangesToo) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			fields.problem(mark,
					"field '" + fields.name(name) + "': '" + text.strip()
							+ "' is not a date; write YYYY-MM-DD, e.g. 2027-04-30"
							+ (rangesToo ? ", or a range 2027-02-04..2027-02-10" : ""));
			return null;
		}
	}

	/** A whole number of at least 1, or null when absent. */
	static Integer count(YamlFields fields, String name) {
		String text = fields.text(name, false, 20);
		if (text == null) {
			return null;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		fields.problem(name, ": '" + text + "' must be a whole number of at least 1");
		return null;
	}

	/** A duration such as {@code 30m}, {@code 1h30m}, {@code 7d}, {@code 45s}. */
	static Duration duration(YamlFields fields, String name) {
		String text = fields.text(name, false, 40);
		if (text == null) {
			return null;
		}
		Matcher matcher = DURATION.matcher(text.replace(" ", "").toLowerCase(Locale.ROOT));
		if (text.isBlank() || !matcher.matches() || text.replace(" ", "").isEmpty()) {
			fields.problem(name, ": '" + text + "' is not a duration; write e.g. 30m, 1h30m, 7d or 45s");
			return null;
		}
		Duration duration = Duration.ZERO;
		long[] unit = { 86400, 3600, 60, 1 };
		for (int i = 0; i < 4; i++) {
			if (matcher.group(i + 1) != null) {
				duration = duration.plusSeconds(Long.parseLong(matcher.group(i + 1)) * unit[i]);
			}
		}
		return duration;
	}

	/** Keys (lower-case letters, digits, '-'); {@code *} too when {@code all}. */
	static Set<String> keys(YamlFields fields, String name, boolean all) {
		Set<String> keys = new LinkedHashSet<>();
		for (YamlFields.Scalar scalar : fields.scalars(name)) {
			if (all && scalar.text().equals(Slot.ALL)) {
				continue;
			}
			if (!YamlFields.ID.matcher(scalar.text()).matches()) {
				fields.problem(scalar.mark(), "field '" + fields.name(name) + "': '" + scalar.text()
						+ "' must be a key: lower-case letters, digits and '-'" + (all ? " (or * for all)" : ""));
			}
			else {
				keys.add(scalar.text());
			}
		}
		return keys;
	}

	@SafeVarargs
	static <E extends Enum<E>> Map<String, E> words(E... values) {
		Map<String, E> words = new LinkedHashMap<>();
		Arrays.stream(values)
			.forEach((value) -> words.put(value.name().toLowerCase(Locale.ROOT).replace('_', '-'), value));
		return words;
	}

	private static Map<String, DayOfWeek> days() {
		Map<String, DayOfWeek> days = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String full = day.name().toLowerCase(Locale.ROOT);
			days.put(full.substring(0, 3), day);
			days.put(full, day);
		}
		return days;
	}

}
