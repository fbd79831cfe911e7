package vn.bantin.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a whole content folder without touching the database: plans first (their themes
 * are what items may refer to), then items, procedures and documents. Used by the loader
 * and by {@code bantin.jar validate}, so both report exactly the same problems.
 */
public final class ContentFiles {

	static final List<String> ITEM_FOLDERS = List.of("items", "procedures", "documents");

	private ContentFiles() {
	}

	/**
	 * Everything read from a folder.
	 *
	 * @param plans the plans that read cleanly, with the path of each
	 * @param items the items that read cleanly, with the path of each
	 * @param problems every problem found, in file order
	 */
	record Snapshot(Map<String, PlanFile> plans, Map<String, ItemFile> items, List<ContentProblem> problems) {
	}

	/**
	 * Checks a content folder and returns its problems, in file order; empty when it is
	 * clean.
	 * @param folder the content folder
	 * @param zone the commune's zone, for times written without an offset
	 */
	public static List<ContentProblem> validate(Path folder, ZoneId zone) {
		return read(folder, zone).problems();
	}

	/**
	 * What a content folder holds, as other modules see it: for {@code validate} to check
	 * timetables against the items they will carry.
	 *
	 * @param items the items that read cleanly, in file order
	 * @param plans each plan's theme keys, in the plan's order, by plan id
	 * @param problems every problem found, in file order
	 */
	public record Contents(List<ItemView> items, Map<String, List<String>> plans, List<ContentProblem> problems) {

		public Contents {
			items = List.copyOf(items);
			plans = Map.copyOf(plans);
			problems = List.copyOf(problems);
		}

	}

	/**
	 * Reads a content folder into items and plans without touching the database.
	 * @param folder the content folder
	 * @param zone the commune's zone, for times written without an offset
	 * @param approvedAt the approval time given to items a file says are approved
	 */
	public static Contents contents(Path folder, ZoneId zone, Instant approvedAt) {
		Snapshot snapshot = read(folder, zone);
		List<ItemView> items = new ArrayList<>();
		snapshot.items().forEach((path, file) -> items.add(Item.fromFile(file, path, approvedAt).view()));
		Map<String, List<String>> plans = new java.util.LinkedHashMap<>();
		snapshot.plans()
			.values()
			.forEach((plan) -> plans.put(plan.id(), plan.themes().stream().map(PlanView.Theme::key).toList()));
		return new Contents(items, plans, snapshot.problems());
	}

	static Snapshot read(Path folder, ZoneId zone) {
		List<ContentProblem> problems = new ArrayList<>();
		Map<String, PlanFile> plans = new java.util.LinkedHashMap<>();
		Map<String, String> planIds = new HashMap<>();
		Map<String, String> themeOwners = new HashMap<>();
		for (Path file : markdownFiles(folder, "plans", problems)) {
			String path = relative(folder, file);
			String text = text(file, path, problems);
			if (text == null) {
				continue;
			}
			PlanFile.Reading reading = PlanFile.parse(path, text);
			problems.addAll(reading.problems());
			if (!reading.ok()) {
				continue;
			}
			PlanFile plan = reading.plan();
			String other = planIds.putIfAbsent(plan.id(), path);
			if (other != null) {
				problems.add(new ContentProblem(path, 2, 1, "id '" + plan.id() + "' is already used by " + other));
				continue;
			}
			for (PlanView.Theme theme : plan.themes()) {
				String owner = themeOwners.putIfAbsent(theme.key(), path);
				if (owner != null) {
					problems.add(new ContentProblem(path, 2, 1, "theme key '" + theme.key() + "' is already a theme of "
							+ owner + "; theme keys must be unique"));
				}
			}
			plans.put(path, plan);
		}
		ItemFile.Context context = new ItemFile.Context(folder, new LinkedHashSet<>(themeOwners.keySet()), zone);
		Map<String, ItemFile> items = new java.util.LinkedHashMap<>();
		Map<String, String> itemIds = new HashMap<>();
		for (String sub : ITEM_FOLDERS) {
			for (Path file : markdownFiles(folder, sub, problems)) {
				String path = relative(folder, file);
				String text = text(file, path, problems);
				if (text == null) {
					continue;
				}
				ItemFile.Reading reading = ItemFile.parse(path, text, context);
				problems.addAll(reading.problems());
				if (reading.ok()) {
					String other = itemIds.putIfAbsent(reading.item().id(), path);
					if (other != null) {
						problems.add(new ContentProblem(path, 2, 1,
								"id '" + reading.item().id() + "' is already used by " + other));
					}
					else {
						items.put(path, reading.item());
					}
				}
			}
		}
		return new Snapshot(plans, items, List.copyOf(problems));
	}

	/**
	 * The Markdown files of one sub-folder, in name order; none when the folder is
	 * absent.
	 */
	private static List<Path> markdownFiles(Path folder, String sub, List<ContentProblem> problems) {
		Path dir = folder.resolve(sub);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
		catch (IOException ex) {
			problems.add(new ContentProblem(sub + "/", 1, 1, "cannot list the folder: " + ex.getMessage()));
			return List.of();
		}
	}

	/** Paths relative to the content folder, with '/' on every system. */
	static String relative(Path folder, Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}

	private static String text(Path file, String path, List<ContentProblem> problems) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new ContentProblem(path, 1, 1, "the file is not UTF-8; save it as UTF-8"));
		}
		catch (IOException ex) {
			problems.add(new ContentProblem(path, 1, 1, "cannot read the file: " + ex.getMessage()));
		}
		return null;
	}

	static Set<String> folders() {
		Set<String> folders = new LinkedHashSet<>(ITEM_FOLDERS);
		folders.add("plans");
		return folders;
	}

}
