package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Slots and campaigns in words for the admin pages, in the reader's language: "06:00,
 * 17:00, thứ Hai–thứ Bảy, 30 phút" rather than the fields of a {@link Recurrence}. The
 * words come from {@code messages*.properties} ({@code timetable.words.*},
 * {@code timetable.day.*}).
 */
@Component
class TimetableWords {

	private final MessageSource messages;

	TimetableWords(MessageSource messages) {
		this.messages = messages;
	}

	/** When a slot occurs and for how long. */
	String slot(Slot slot, Locale locale) {
		List<String> parts = new ArrayList<>();
		Recurrence recurrence = slot.recurrence();
		if (slot.kind() == SlotKind.ON_PUBLISH || recurrence == null) {
			parts.add(message("timetable.words.on-publish", locale));
		}
		else if (recurrence.cron() != null) {
			parts.add(message("timetable.words.cron", locale, recurrence.cron()));
		}
		else {
			parts.add(TimetableForm.times(recurrence.times()));
			parts.add(days(recurrence.days(), locale));
			if (recurrence.everyWeeks() > 1) {
				parts.add(message("timetable.words.every-weeks", locale, recurrence.everyWeeks(),
						date(recurrence.anchor(), locale)));
			}
		}
		if (recurrence != null) {
			if (!recurrence.dates().isEmpty()) {
				parts.add(message("timetable.words.dates", locale, dates(recurrence.dates(), locale)));
			}
			for (Recurrence.DateRange range : recurrence.ranges()) {
				parts.add(
						message("timetable.words.range", locale, date(range.from(), locale), date(range.to(), locale)));
			}
			if (!recurrence.excluded().isEmpty()) {
				parts.add(message("timetable.words.excluded", locale, dates(recurrence.excluded(), locale)));
			}
		}
		if (!slot.length().isZero()) {
			parts.add(duration(slot.length(), locale));
		}
		return String.join(", ", parts);
	}

	/** Which items a campaign takes and how it airs them. */
	String campaign(Campaign campaign, Locale locale) {
		List<String> parts = new ArrayList<>();
		if (campaign.from() != null || campaign.until() != null) {
			parts.add(message("timetable.words.between", locale,
					(campaign.from() != null) ? date(campaign.from(), locale) : "…",
					(campaign.until() != null) ? date(campaign.until(), locale) : "…"));
		}
		if (campaign.airs() != null) {
			parts.add(message("timetable.words.airs", locale, campaign.airs()));
		}
		if (campaign.within() != null) {
			parts.add(message("timetable.words.within", locale, duration(campaign.within(), locale)));
		}
		if (campaign.perSlot() != null) {
			parts.add(message("timetable.words.per-slot", locale, campaign.perSlot()));
		}
		parts.add(message("timetable.order." + campaign.order().key(), locale));
		return String.join(", ", parts);
	}

	/** A duration in words: "1 giờ 30 phút". */
	String duration(Duration duration, Locale locale) {
		List<String> parts = new ArrayList<>();
		add(parts, duration.toDaysPart(), "timetable.unit.days", locale);
		add(parts, duration.toHoursPart(), "timetable.unit.hours", locale);
		add(parts, duration.toMinutesPart(), "timetable.unit.minutes", locale);
		add(parts, duration.toSecondsPart(), "timetable.unit.seconds", locale);
		return parts.isEmpty() ? message("timetable.unit.minutes", locale, 0) : String.join(" ", parts);
	}

	/** The name of a day of the week: "thứ Hai". */
	String day(DayOfWeek day, Locale locale) {
		return message("timetable.day." + day.name().toLowerCase(Locale.ROOT), locale);
	}

	/**
	 * Days of the week with runs of three or more joined by a dash: "thứ Hai–thứ Bảy",
	 * "thứ Hai, thứ Tư, thứ Sáu"; "hằng ngày" for every day.
	 */
	private String days(Set<DayOfWeek> days, Locale locale) {
		if (days.isEmpty() || days.size() == 7) {
			return message("timetable.words.every-day", locale);
		}
		List<String> parts = new ArrayList<>();
		int start = -1;
		for (int i = 1; i <= 8; i++) {
			boolean in = i <= 7 && days.contains(DayOfWeek.of(i));
			if (in && start < 0) {
				start = i;
			}
			else if (!in && start > 0) {
				int end = i - 1;
				if (end - start >= 2) {
					parts.add(day(DayOfWeek.of(start), locale) + "–" + day(DayOfWeek.of(end), locale));
				}
				else {
					for (int d = start; d <= end; d++) {
						parts.add(day(DayOfWeek.of(d), locale));
					}
				}
				start = -1;
			}
		}
		return String.join(", ", parts);
	}

	private String dates(Set<LocalDate> dates, Locale locale) {
		return dates.stream().sorted().map((date) -> date(date, locale)).collect(Collectors.joining(", "));
	}

	private String date(LocalDate date, Locale locale) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofPattern(message("timetable.date-pattern", locale), Locale.ROOT).format(date);
	}

	private void add(List<String> parts, long amount, String key, Locale locale) {
		if (amount > 0) {
			parts.add(message(key, locale, amount));
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
