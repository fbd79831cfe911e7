package vn.bantin.timetable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import vn.bantin.content.ItemView;

/**
 * Reads a whole schedules folder without Spring or the database: every {@code *.yaml} and
 * {@code *.yml} file, in sub-folders too, merged into one {@link Timetable}, then checked
 * as a whole. Used by the runtime loader ({@link ScheduleFolder}) and by
 * {@code bantin.jar validate}, so both report the same problems.
 */
public final class ScheduleFiles {

	private ScheduleFiles() {
	}

	/**
	 * A folder read and merged.
	 *
	 * @param timetable the good entries of every file; holidays added to the excluded
	 * dates of timed and digest slots; a campaign naming a plan but no theme has the
	 * plan's themes
	 * @param locations where each entry is written
	 * @param problems what kept entries out, by file and line
	 */
	record Reading(Timetable timetable, Locations locations, List<ScheduleProblem> problems) {
	}

	/**
	 * Checks a schedules folder and returns its problems (errors and warnings) by file
	 * and line; empty when it is clean. A missing folder is an empty timetable.
	 * @param folder the schedules folder
	 * @param zone the commune's zone
	 * @param now the time to check from (overlaps over the next year, radio capacity over
	 * the next 8 weeks)
	 * @param plans each plan's theme keys by plan id: what campaigns may refer to
	 * @param items the content items; approved radio items are planned to check that
	 * radio slots can hold them
	 * @param wordsPerMinute the announcers' reading pace, to estimate air time
	 */
	public static List<ScheduleProblem> validate(Path folder, ZoneId zone, Instant now, Map<String, List<String>> plans,
			Collection<ItemView> items, int wordsPerMinute) {
		Reading reading = read(folder, plans);
		ReadingTime readingTime = new ReadingTime(wordsPerMinute);
		List<ScheduleProblem> problems = new ArrayList<>(reading.problems());
		problems.addAll(check(reading, zone, plans, readingTime::of).check(reading.timetable(), reading.locations(),
				now, items));
		return sorted(problems);
	}

	static TimetableCheck check(Reading reading, ZoneId zone, Map<String, List<String>> plans,
			Function<ItemView, java.time.Duration> airTime) {
		Set<String> themes = new HashSet<>();
		plans.values().forEach(themes::addAll);
		return new TimetableCheck(zone, themes, plans, airTime);
	}

	/** Problems by file, line and column; those of one place in the order found. */
	static List<ScheduleProblem> sorted(List<ScheduleProblem> problems) {
		return problems.stream()
			.sorted(Comparator.comparing(ScheduleProblem::file)
				.thenComparingInt(ScheduleProblem::line)
				.thenComparingInt(ScheduleProblem::column))
			.toList();
	}

	/**
	 * Reads and merges every file. Keys must be unique across the folder: a second entry
	 * with a key already used is left out and reported naming both places.
	 */
	static Reading read(Path folder, Map<String, List<String>> plans) {
		List<ScheduleProblem> problems = new ArrayList<>();
		Locations locations = new Locations();
		Set<LocalDate> holidays = new TreeSet<>();
		List<Timetable.Zone> zones = new ArrayList<>();
		List<Timetable.MailingList> lists = new ArrayList<>();
		List<Slot> slots = new ArrayList<>();
		List<Campaign> campaigns = new ArrayList<>();
		Map<String, Locations.Place> keys = new HashMap<>();
		for (Path file : yamlFiles(folder, problems)) {
			String path = relative(folder, file);
			String text = text(file, path, problems);
			if (text == null) {
				continue;
			}
			TimetableFile.Part part = TimetableFile.read(path, text);
			problems.addAll(part.problems());
			holidays.addAll(part.holidays());
			Timetable timetable = part.timetable();
			Locations where = part.locations();
			for (Timetable.Zone zone : timetable.zones()) {
				if (unique("zones", zone.key(), where, locations, keys, problems)) {
					zones.add(zone);
				}
			}
			for (Timetable.MailingList list : timetable.lists()) {
				if (unique("lists", list.key(), where, locations, keys, problems)) {
					lists.add(list);
				}
			}
			for (Slot slot : timetable.slots()) {
				if (unique("slots", slot.key(), where, locations, keys, problems)) {
					slots.add(slot);
				}
			}
			for (Campaign campaign : timetable.campaigns()) {
				if (unique("campaigns", campaign.key(), where, locations, keys, problems)) {
					campaigns.add(withPlanThemes(campaign, plans));
				}
			}
		}
		List<Slot> withHolidays = slots.stream().map((slot) -> withHolidays(slot, holidays)).toList();
		return new Reading(new Timetable(zones, lists, withHolidays, campaigns), locations, List.copyOf(problems));
	}

	private static boolean unique(String section, String key, Locations where, Locations locations,
			Map<String, Locations.Place> keys, List<ScheduleProblem> problems) {
		Locations.Place place = where.of(section, key, "key");
		Locations.Place first = keys.putIfAbsent(section + "/" + key, place);
		if (first == null) {
			locations.putEntry(where, section, key);
		}
		if (first != null) {
			String entry = section.substring(0, section.length() - 1);
			problems.add(place.error("field '" + section + ".key': " + entry + " '" + key + "' is already defined at "
					+ first + "; keys must be unique across all timetable files"));
			return false;
		}
		return true;
	}

	private static Slot withHolidays(Slot slot, Set<LocalDate> holidays) {
		if (holidays.isEmpty() || slot.recurrence() == null) {
			return slot;
		}
		return new Slot(slot.key(), slot.name(), slot.channel(), slot.kind(), slot.recurrence().withExcluded(holidays),
				slot.length(), slot.zones(), slot.list(), slot.source());
	}

	private static Campaign withPlanThemes(Campaign campaign, Map<String, List<String>> plans) {
		if (campaign.plan() == null || !campaign.themes().isEmpty() || !plans.containsKey(campaign.plan())) {
			return campaign;
		}
		return new Campaign(campaign.key(), campaign.name(), campaign.plan(), plans.get(campaign.plan()),
				campaign.tags(), campaign.kinds(), campaign.items(), campaign.slots(), campaign.from(),
				campaign.until(), campaign.airs(), campaign.within(), campaign.perSlot(), campaign.order(),
				campaign.source());
	}

	/**
	 * The timetable files under a folder, by path; none when the folder is absent. Hidden
	 * files and folders (an editor's temporary files) are left out.
	 */
	static List<Path> yamlFiles(Path folder, List<ScheduleProblem> problems) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
			return files.filter((file) -> isTimetable(folder, file) && Files.isRegularFile(file))
				.sorted(Comparator.comparing((Path file) -> relative(folder, file)))
				.toList();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			problems.add(new ScheduleProblem("", 1, 1, "cannot list the folder: " + ex.getMessage(), false));
			return List.of();
		}
	}

	static boolean isTimetable(Path folder, Path file) {
		String name = file.getFileName().toString();
		if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
			return false;
		}
		for (Path part : folder.relativize(file)) {
			if (part.toString().startsWith(".")) {
				return false;
			}
		}
		return true;
	}

	/** Paths relative to the schedules folder, with '/' on every system. */
	static String relative(Path folder, Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}

	private static String text(Path file, String path, List<ScheduleProblem> problems) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new ScheduleProblem(path, 1, 1, "the file is not UTF-8; save it as UTF-8", false));
		}
		catch (IOException ex) {
			problems.add(new ScheduleProblem(path, 1, 1, "cannot read the file: " + ex.getMessage(), false));
		}
		return null;
	}

}
