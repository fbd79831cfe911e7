package vn.bantin.timetable;

import java.text.ParseException;
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
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemKind;
import vn.bantin.system.YamlFields;
import vn.bantin.text.VietnameseText;

/**
 * Reads one timetable file ({@code schedules/**.yaml}): any of {@code holidays},
 * {@code zones}, {@code lists}, {@code slots} and {@code campaigns}. The format is
 * described in {@code schedules/README.md}.
 *
 * <p>
 * Every problem is located by line, column and field, with a hint. An entry with a
 * problem is left out; the other entries of the file still load. What only the whole
 * folder knows (unknown keys, duplicate keys, overlaps) is checked by
 * {@link TimetableCheck}.
 */
final class TimetableFile {

	static final Set<String> TOP = Set.of("holidays", "zones", "lists", "slots", "campaigns");

	static final Set<String> ZONE_FIELDS = Set.of("key", "name");

	static final Set<String> LIST_FIELDS = Set.of("key", "name", "description", "public");

	static final Set<String> SLOT_FIELDS = Set.of("key", "name", "channel", "kind", "times", "days", "every-weeks",
			"anchor", "dates", "ranges", "excluded", "cron", "length", "zones", "list");

	static final Set<String> CAMPAIGN_FIELDS = Set.of("key", "name", "plan", "themes", "tags", "kinds", "items",
			"slots", "from", "until", "airs", "within", "per-slot", "order");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

	private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

	private static final Pattern RANGE = Pattern.compile("(.+?)\\s*\\.\\.\\s*(.+)");

	private static final String DAY_HINT = "write mon, tue, wed, thu, fri, sat, sun, or a range like mon-sat";

	private static final Map<String, DayOfWeek> DAYS = days();

	private final String path;

	private final List<ScheduleProblem> problems = new ArrayList<>();

	private final Locations locations = new Locations();

	private YamlFields root;

	private TimetableFile(String path) {
		this.path = path;
	}

	/**
	 * What one file holds.
	 *
	 * @param holidays dates excluded from every timed and digest slot of the folder
	 * @param timetable its zones, lists, slots (without the holidays) and campaigns
	 * @param locations where each entry and field is
	 * @param problems every problem, in file order
	 */
	record Part(Set<LocalDate> holidays, Timetable timetable, Locations locations, List<ScheduleProblem> problems) {
	}

	/**
	 * Reads a file's text.
	 * @param path the file's path relative to the schedules folder
	 * @param source its text
	 */
	static Part read(String path, String source) {
		TimetableFile file = new TimetableFile(path);
		String text = VietnameseText.nfc(source.replace("\r\n", "\n")).replaceFirst("^\uFEFF", "");
		file.root = YamlFields.parse(text, 1, TOP, file::problem, null).orElse(null);
		if (file.root == null) {
			return new Part(Set.of(), Timetable.empty(), file.locations, List.copyOf(file.problems));
		}
		Set<LocalDate> holidays = new TreeSet<>(file.dates(file.root, "holidays", true));
		List<Timetable.Zone> zones = file.section("zones", ZONE_FIELDS, file::zone);
		List<Timetable.MailingList> lists = file.section("lists", LIST_FIELDS, file::list);
		List<Slot> slots = file.section("slots", SLOT_FIELDS, file::slot);
		List<Campaign> campaigns = file.section("campaigns", CAMPAIGN_FIELDS, file::campaign);
		return new Part(holidays, new Timetable(zones, lists, slots, campaigns), file.locations,
				List.copyOf(file.problems));
	}

	private void problem(int line, int column, String message) {
		this.problems.add(new ScheduleProblem(this.path, line, column, message, false));
	}

	private Locations.Place place(YamlFields fields, Mark mark) {
		return new Locations.Place(this.path, fields.line(mark), fields.column(mark));
	}

	/**
	 * Reads the entries of a top-level list; keeps each only when reading it (its field
	 * names included) found no problem, and records where it and its fields are.
	 */
	private <T> List<T> section(String section, Set<String> known, Function<YamlFields, T> reader) {
		List<T> entries = new ArrayList<>();
		for (Node node : this.root.nodes(section)) {
			if (node instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
				// 'slots:' with nothing after it: no entries
				continue;
			}
			if (!(node instanceof MappingNode mapping)) {
				this.root.problem(node.getStartMark(), "field '" + section + "': each entry needs "
						+ String.join(", ", known.stream().sorted().toList()) + ", e.g. '- key: ...'");
				continue;
			}
			int before = this.problems.size();
			YamlFields fields = this.root.entry(section, mapping, known);
			T value = reader.apply(fields);
			if (value != null && this.problems.size() == before) {
				keep(section, fields, value, entries);
			}
		}
		return entries;
	}

	private <T> void keep(String section, YamlFields fields, T value, List<T> into) {
		String key = fields.text("key", false, 100);
		Locations.Place first = this.locations.of(section, key, "key");
		if (first != null) {
			fields.problem("key", ": " + section.substring(0, section.length() - 1) + " '" + key
					+ "' is already defined at " + first + "; keys must be unique across all timetable files");
			return;
		}
		into.add(value);
		this.locations.put(section, key, null, place(fields, fields.mark("key")));
		for (String name : fields.names()) {
			this.locations.put(section, key, name, place(fields, fields.mark(name)));
			for (Node node : fields.nodes(name)) {
				if (node instanceof ScalarNode scalar) {
					this.locations.put(section, key, name + "#" + scalar.getValue().strip(),
							place(fields, node.getStartMark()));
				}
			}
		}
	}

	private Timetable.Zone zone(YamlFields fields) {
		return new Timetable.Zone(fields.id("key", true), fields.text("name", false, 200), this.path);
	}

	private Timetable.MailingList list(YamlFields fields) {
		String key = fields.id("key", true);
		String name = fields.text("name", false, 200);
		String description = fields.text("description", false, 2000);
		Boolean open = fields.choice("public", Map.of("true", true, "false", false, "yes", true, "no", false), false);
		return new Timetable.MailingList(key, name, description, open, this.path);
	}

	private Slot slot(YamlFields fields) {
		int before = this.problems.size();
		String key = fields.id("key", true);
		String name = fields.text("name", false, 200);
		Channel channel = fields.choice("channel", words(Channel.values()), null);
		if (channel == null && !fields.has("channel")) {
			fields.text("channel", true, 20);
		}
		SlotKind kind = fields.choice("kind", words(SlotKind.values()), SlotKind.TIMED);
		List<LocalTime> times = times(fields);
		Set<DayOfWeek> days = days(fields);
		Integer everyWeeks = count(fields, "every-weeks");
		LocalDate anchor = fields.date("anchor", false);
		Set<LocalDate> dates = new LinkedHashSet<>(dates(fields, "dates", false));
		List<Recurrence.DateRange> ranges = ranges(fields, "ranges");
		Set<LocalDate> excluded = new LinkedHashSet<>(dates(fields, "excluded", true));
		String cron = fields.text("cron", false, 200);
		Duration length = duration(fields, "length");
		Set<String> zones = keys(fields, "zones", true);
		String list = fields.id("list", false);
		if (cron != null) {
			try {
				CronExpression.validateExpression(cron);
			}
			catch (ParseException ex) {
				fields.problem("cron", ": '" + cron + "' is not a Quartz cron expression (" + ex.getMessage()
						+ "); seconds come first, e.g. \"0 0 6 ? * MON-SAT\"");
			}
			for (String other : List.of("times", "days", "every-weeks", "anchor")) {
				if (fields.has(other)) {
					fields.problem(other, ": write either 'cron' or 'times'/'days'/'every-weeks', not both");
				}
			}
		}
		if (kind == SlotKind.ON_PUBLISH) {
			for (String other : List.of("times", "days", "every-weeks", "anchor", "dates", "ranges", "excluded",
					"cron")) {
				if (fields.has(other)) {
					fields.problem(other,
							": an on-publish slot goes out at each item's publish time; leave out '" + other + "'");
				}
			}
		}
		else if (cron == null && times.isEmpty() && !fields.has("times") && !fields.has("cron")) {
			fields.problem(fields.start(), "missing field '" + fields.name("times")
					+ "': a timed or digest slot needs times of day (e.g. times: [\"06:00\"]) or a cron expression");
		}
		if (everyWeeks != null && everyWeeks > 1 && anchor == null) {
			fields.problem("every-weeks", ": every " + everyWeeks
					+ " weeks needs 'anchor', a date in a week it occurs (e.g. anchor: 2026-01-05)");
		}
		if (length != null && length.isZero()) {
			fields.problem("length", ": must be longer than 0, e.g. 30m");
		}
		if (channel != null && channel != Channel.RADIO && fields.has("zones")) {
			fields.problem("zones", ": only radio slots play in speaker zones");
		}
		if (channel != null && channel != Channel.EMAIL && fields.has("list")) {
			fields.problem("list", ": only email slots go to a list");
		}
		if (this.problems.size() > before) {
			return null;
		}
		Recurrence recurrence = null;
		if (kind != SlotKind.ON_PUBLISH) {
			try {
				recurrence = new Recurrence(times, days, (everyWeeks != null) ? everyWeeks : 1, anchor, dates, ranges,
						excluded, cron);
			}
			catch (IllegalArgumentException ex) {
				fields.problem(fields.start(), "slot '" + key + "': " + ex.getMessage());
				return null;
			}
		}
		return new Slot(key, name, channel, kind, recurrence, length, zones, list, this.path);
	}

	private Campaign campaign(YamlFields fields) {
		String key = fields.id("key", true);
		String name = fields.text("name", false, 200);
		String plan = fields.id("plan", false);
		List<String> themes = new ArrayList<>(keys(fields, "themes", false));
		Set<String> tags = keys(fields, "tags", false);
		Set<ItemKind> kinds = EnumSet.noneOf(ItemKind.class);
		Map<String, ItemKind> known = words(ItemKind.values());
		for (YamlFields.Scalar scalar : fields.scalars("kinds")) {
			ItemKind kind = known.get(scalar.text());
			if (kind == null) {
				fields.problem(scalar.mark(), "field '" + fields.name("kinds") + "': '" + scalar.text()
						+ "' is not one of: " + String.join(", ", known.keySet()));
			}
			else {
				kinds.add(kind);
			}
		}
		Set<String> items = keys(fields, "items", false);
		List<String> slots = new ArrayList<>(keys(fields, "slots", false));
		if (slots.isEmpty() && !fields.has("slots")) {
			fields.problem(fields.start(),
					"missing field '" + fields.name("slots") + "': name the slots it fills, e.g. [ban-tin-sang]");
		}
		LocalDate from = fields.date("from", false);
		LocalDate until = fields.date("until", false);
		if (from != null && until != null && until.isBefore(from)) {
			fields.problem("until", ": " + until + " is before 'from' " + from);
		}
		Integer airs = count(fields, "airs");
		Duration within = duration(fields, "within");
		if (within != null && within.isZero()) {
			fields.problem("within", ": must be longer than 0, e.g. 7d");
		}
		Integer perSlot = count(fields, "per-slot");
		CampaignOrder order = fields.choice("order", words(CampaignOrder.values()), CampaignOrder.OLDEST);
		return new Campaign(key, name, plan, themes, tags, kinds, items, slots, from, until, airs, within, perSlot,
				order, this.path);
	}

	private List<LocalTime> times(YamlFields fields) {
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

	private Set<DayOfWeek> days(YamlFields fields) {
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
	private List<LocalDate> dates(YamlFields fields, String name, boolean rangesToo) {
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

	private List<Recurrence.DateRange> ranges(YamlFields fields, String name) {
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

	private Recurrence.DateRange range(YamlFields fields, String name, Mark mark, String fromText, String toText) {
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

	private LocalDate date(YamlFields fields, String name, Mark mark, String text, boolean rangesToo) {
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
	private Integer count(YamlFields fields, String name) {
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
	private Duration duration(YamlFields fields, String name) {
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
	private Set<String> keys(YamlFields fields, String name, boolean all) {
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
	private static <E extends Enum<E>> Map<String, E> words(E... values) {
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
