package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.CronExpression;

import vn.bantin.content.Channel;

/**
 * The slot form of the admin UI, as a browser sends it: what a {@link Slot} holds, in
 * text fields an officer types (times {@code 06:00, 17:00}, length {@code 30m}, dates
 * {@code 2026-02-17}, ranges {@code 2026-01-01..2026-01-31}) and check boxes for the
 * days. The same words are the canonical text stored in the database ({@link #fields()}).
 *
 * @param version the version of the stored entry the user started from, {@code null} for
 * a new slot
 */
record SlotForm(String key, String name, Channel channel, SlotKind kind, String times, Set<DayOfWeek> days,
		String everyWeeks, String anchor, String dates, String ranges, String excluded, String cron, String length,
		String zones, String list, Long version) {

	/** A form for a new slot: a radio programme every day. */
	static SlotForm blank() {
		return new SlotForm("", "", Channel.RADIO, SlotKind.TIMED, "", EnumSet.allOf(DayOfWeek.class), "1", "", "", "",
				"", "", "", "", "", null);
	}

	/** The form showing a slot as it is. */
	static SlotForm of(Slot slot, Long version) {
		Recurrence recurrence = slot.recurrence();
		if (recurrence == null) {
			return new SlotForm(slot.key(), slot.name(), slot.channel(), slot.kind(), "",
					EnumSet.allOf(DayOfWeek.class), "1", "", "", "", "", "", TimetableForm.duration(slot.length()),
					zones(slot.zones()), TimetableForm.text(slot.list()), version);
		}
		return new SlotForm(slot.key(), slot.name(), slot.channel(), slot.kind(),
				TimetableForm.times(recurrence.times()),
				recurrence.days().isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(recurrence.days()),
				String.valueOf(recurrence.everyWeeks()), TimetableForm.text(recurrence.anchor()),
				TimetableForm.dates(recurrence.dates()), TimetableForm.ranges(recurrence.ranges()),
				TimetableForm.dates(recurrence.excluded()), TimetableForm.text(recurrence.cron()),
				TimetableForm.duration(slot.length()), zones(slot.zones()), TimetableForm.text(slot.list()), version);
	}

	/** The same form with another version (after a conflict, to save over the newer). */
	SlotForm withVersion(Long version) {
		return new SlotForm(this.key, this.name, this.channel, this.kind, this.times, this.days, this.everyWeeks,
				this.anchor, this.dates, this.ranges, this.excluded, this.cron, this.length, this.zones, this.list,
				version);
	}

	/**
	 * The slot this form describes, kept in the database (no source file). Checks the
	 * text of every field; references to zones and lists are checked by
	 * {@link StoredTimetables}.
	 * @throws TimetableFormRefused naming every field at fault
	 */
	Slot slot() {
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		String key = TimetableForm.key(this.key, errors);
		if (this.channel == null) {
			errors.reject("channel", "timetable.error.required");
		}
		if (this.kind == null) {
			errors.reject("kind", "timetable.error.required");
		}
		Recurrence recurrence = (this.kind != null && this.kind != SlotKind.ON_PUBLISH) ? recurrence(errors) : null;
		Duration length = TimetableForm.duration(this.length, "length", errors);
		Set<String> zones = TimetableForm.set(TimetableForm.words(this.zones));
		String list = TimetableForm.strip(this.list);
		if (!zones.isEmpty() && this.channel != null && this.channel != Channel.RADIO) {
			errors.reject("zones", "timetable.error.zones-radio-only");
		}
		if (list != null && this.channel != null && this.channel != Channel.EMAIL) {
			errors.reject("list", "timetable.error.list-email-only");
		}
		errors.check();
		try {
			return new Slot(key, TimetableForm.strip(this.name), this.channel, this.kind, recurrence, length, zones,
					list, null);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			errors.reject("key", "timetable.error.invalid", ex.getMessage());
			errors.check();
			throw ex;
		}
	}

	private Recurrence recurrence(TimetableFormRefused.Collector errors) {
		List<LocalTime> times = TimetableForm.times(this.times, "times", errors);
		String cron = TimetableForm.strip(this.cron);
		Set<DayOfWeek> days = (this.days != null) ? this.days : Set.of();
		if (cron != null && !CronExpression.isValidExpression(cron)) {
			errors.reject("cron", "timetable.error.cron", cron);
		}
		if (cron == null && times.isEmpty() && !errors.has("times")) {
			errors.reject("times", "timetable.error.times-required");
		}
		if (cron == null && days.isEmpty()) {
			errors.reject("days", "timetable.error.days-required");
		}
		Integer everyWeeks = TimetableForm.blank(this.everyWeeks) ? Integer.valueOf(1)
				: TimetableForm.number(this.everyWeeks, 1, "everyWeeks", errors);
		LocalDate anchor = TimetableForm.date(this.anchor, "anchor", errors);
		if (everyWeeks != null && everyWeeks > 1 && anchor == null && !errors.has("anchor")) {
			errors.reject("anchor", "timetable.error.anchor-required");
		}
		Set<LocalDate> dates = TimetableForm.dates(this.dates, "dates", errors);
		List<Recurrence.DateRange> ranges = TimetableForm.ranges(this.ranges, "ranges", errors);
		Set<LocalDate> excluded = TimetableForm.dates(this.excluded, "excluded", errors);
		if (!errors.isEmpty()) {
			return null;
		}
		try {
			return new Recurrence(times, (days.size() == 7) ? Set.of() : days, everyWeeks, anchor, dates, ranges,
					excluded, cron);
		}
		catch (IllegalArgumentException ex) {
			String message = String.valueOf(ex.getMessage());
			String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "times";
			errors.reject(field, "timetable.error.invalid", message);
			return null;
		}
	}

	/** The canonical text of every field but the key, for {@link TimetableText}. */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", TimetableForm.text(this.name));
		fields.put("channel", TimetableForm.text(this.channel));
		fields.put("kind", TimetableForm.text(this.kind));
		fields.put("times", TimetableForm.text(this.times));
		fields.put("days", TimetableForm.names(this.days));
		fields.put("every-weeks", TimetableForm.text(this.everyWeeks));
		fields.put("anchor", TimetableForm.text(this.anchor));
		fields.put("dates", TimetableForm.text(this.dates));
		fields.put("ranges", TimetableForm.text(this.ranges));
		fields.put("excluded", TimetableForm.text(this.excluded));
		fields.put("cron", TimetableForm.text(this.cron));
		fields.put("length", TimetableForm.text(this.length));
		fields.put("zones", TimetableForm.text(this.zones));
		fields.put("list", TimetableForm.text(this.list));
		return fields;
	}

	/** The form a stored entry's canonical text describes. */
	static SlotForm read(String key, Map<String, String> fields, Long version) {
		Set<DayOfWeek> days = TimetableForm.constants(DayOfWeek.class, fields.get("days"));
		String kind = fields.getOrDefault("kind", "");
		String channel = fields.getOrDefault("channel", "");
		return new SlotForm(key, fields.get("name"), channel.isEmpty() ? null : Channel.valueOf(channel),
				kind.isEmpty() ? null : SlotKind.valueOf(kind), fields.get("times"), days, fields.get("every-weeks"),
				fields.get("anchor"), fields.get("dates"), fields.get("ranges"), fields.get("excluded"),
				fields.get("cron"), fields.get("length"), fields.get("zones"), fields.get("list"), version);
	}

	private static String zones(Set<String> zones) {
		return String.join(", ", zones.stream().sorted().toList());
	}

}
