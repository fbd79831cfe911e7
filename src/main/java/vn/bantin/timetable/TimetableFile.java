package vn.bantin.timetable;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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
		Set<LocalDate> holidays = new TreeSet<>(TimetableValues.dates(file.root, "holidays", true));
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
		Channel channel = fields.choice("channel", TimetableValues.words(Channel.values()), null);
		if (channel == null && !fields.has("channel")) {
			fields.text("channel", true, 20);
		}
		SlotKind kind = fields.choice("kind", TimetableValues.words(SlotKind.values()), SlotKind.TIMED);
		List<LocalTime> times = TimetableValues.times(fields);
		Set<DayOfWeek> days = TimetableValues.days(fields);
		Integer everyWeeks = TimetableValues.count(fields, "every-weeks");
		LocalDate anchor = fields.date("anchor", false);
		Set<LocalDate> dates = new LinkedHashSet<>(TimetableValues.dates(fields, "dates", false));
		List<Recurrence.DateRange> ranges = TimetableValues.ranges(fields, "ranges");
		Set<LocalDate> excluded = new LinkedHashSet<>(TimetableValues.dates(fields, "excluded", true));
		String cron = fields.text("cron", false, 200);
		Duration length = TimetableValues.duration(fields, "length");
		Set<String> zones = TimetableValues.keys(fields, "zones", true);
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
		List<String> themes = new ArrayList<>(TimetableValues.keys(fields, "themes", false));
		Set<String> tags = TimetableValues.keys(fields, "tags", false);
		Set<ItemKind> kinds = EnumSet.noneOf(ItemKind.class);
		Map<String, ItemKind> known = TimetableValues.words(ItemKind.values());
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
		Set<String> items = TimetableValues.keys(fields, "items", false);
		List<String> slots = new ArrayList<>(TimetableValues.keys(fields, "slots", false));
		if (slots.isEmpty() && !fields.has("slots")) {
			fields.problem(fields.start(),
					"missing field '" + fields.name("slots") + "': name the slots it fills, e.g. [ban-tin-sang]");
		}
		LocalDate from = fields.date("from", false);
		LocalDate until = fields.date("until", false);
		if (from != null && until != null && until.isBefore(from)) {
			fields.problem("until", ": " + until + " is before 'from' " + from);
		}
		Integer airs = TimetableValues.count(fields, "airs");
		Duration within = TimetableValues.duration(fields, "within");
		if (within != null && within.isZero()) {
			fields.problem("within", ": must be longer than 0, e.g. 7d");
		}
		Integer perSlot = TimetableValues.count(fields, "per-slot");
		CampaignOrder order = fields.choice("order", TimetableValues.words(CampaignOrder.values()),
				CampaignOrder.OLDEST);
		return new Campaign(key, name, plan, themes, tags, kinds, items, slots, from, until, airs, within, perSlot,
				order, this.path);
	}

}
