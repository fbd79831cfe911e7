package vn.bantin.timetable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The timetable in force: the parts defined by each source (the {@code schedules/}
 * folder, the timetables edited in the admin UI) merged with the folder's part first,
 * then the others in the order they were first defined (whatever order the sources happen
 * to load in at start-up). A source replaces its whole part at once, so readers never see
 * half of a change; each replacement publishes {@link TimetableChanged}.
 *
 * <p>
 * Merging keeps the first entry of a key and drops later ones with the same key, so a
 * file always wins over the admin UI (the source that defines them reports the clash as a
 * problem when it can see it).
 */
@Service
public class Timetables {

	/** The source name of the {@code schedules/} folder, which comes first. */
	public static final String FILES = "files";

	/**
	 * The {@link org.springframework.core.annotation.Order} at which the
	 * {@code schedules/} folder loads its part when the application is ready: a listener
	 * of that event that needs the whole timetable (the engine's start-up sweep) orders
	 * itself after it.
	 */
	public static final int FILES_LOAD_ORDER = 0;

	private final ApplicationEventPublisher events;

	private final Map<String, Part> parts = new LinkedHashMap<>();

	private volatile Timetable current = Timetable.empty();

	Timetables(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** The merged timetable in force now. */
	public Timetable current() {
		return this.current;
	}

	/** The problems every source reported with its part, in source order. */
	public synchronized List<ScheduleProblem> problems() {
		List<ScheduleProblem> all = new ArrayList<>();
		this.parts.values().forEach((part) -> all.addAll(part.problems()));
		return List.copyOf(all);
	}

	/**
	 * Replaces what {@code source} defines, and tells the engine.
	 * @param source a short name of the source, e.g. {@code files}
	 * @param part its zones, lists, slots and campaigns
	 * @param problems what it found wrong while reading them (kept for display)
	 */
	public void define(String source, Timetable part, List<ScheduleProblem> problems) {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(part, "part");
		synchronized (this) {
			this.parts.put(source, new Part(part, List.copyOf(problems)));
			this.current = merge();
		}
		this.events.publishEvent(new TimetableChanged(source));
	}

	private Timetable merge() {
		Map<String, Timetable.Zone> zones = new LinkedHashMap<>();
		Map<String, Timetable.MailingList> lists = new LinkedHashMap<>();
		Map<String, Slot> slots = new LinkedHashMap<>();
		Map<String, Campaign> campaigns = new LinkedHashMap<>();
		List<Part> ordered = new ArrayList<>();
		if (this.parts.containsKey(FILES)) {
			ordered.add(this.parts.get(FILES));
		}
		this.parts.forEach((source, part) -> {
			if (!source.equals(FILES)) {
				ordered.add(part);
			}
		});
		for (Part part : ordered) {
			part.timetable().zones().forEach((zone) -> zones.putIfAbsent(zone.key(), zone));
			part.timetable().lists().forEach((list) -> lists.putIfAbsent(list.key(), list));
			part.timetable().slots().forEach((slot) -> slots.putIfAbsent(slot.key(), slot));
			part.timetable().campaigns().forEach((campaign) -> campaigns.putIfAbsent(campaign.key(), campaign));
		}
		return new Timetable(List.copyOf(zones.values()), List.copyOf(lists.values()), List.copyOf(slots.values()),
				List.copyOf(campaigns.values()));
	}

	private record Part(Timetable timetable, List<ScheduleProblem> problems) {
	}

}
