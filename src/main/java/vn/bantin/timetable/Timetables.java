package vn.bantin.timetable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.bantin.system.CommuneTenancy;

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
 *
 * <p>
 * Each commune has its own timetable: {@link #current()} and {@link #define} work on the
 * commune in scope ({@link CommuneTenancy}), so a slot key or a source name in one
 * commune never reaches another. Work without a commune in a province of many sees an
 * empty timetable (fails closed) and cannot define one.
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

	private final CommuneTenancy tenancy;

	private final Map<Long, CommuneTimetable> communes = new ConcurrentHashMap<>();

	Timetables(ApplicationEventPublisher events, CommuneTenancy tenancy) {
		this.events = events;
		this.tenancy = tenancy;
	}

	/** The merged timetable in force now in the commune in scope. */
	public Timetable current() {
		long commune = this.tenancy.commune();
		if (commune <= 0) {
			return Timetable.empty();
		}
		CommuneTimetable timetable = this.communes.get(commune);
		return (timetable != null) ? timetable.current : Timetable.empty();
	}

	/**
	 * The problems every source reported with its part, in source order, in the commune
	 * in scope.
	 */
	public List<ScheduleProblem> problems() {
		long commune = this.tenancy.commune();
		CommuneTimetable timetable = (commune > 0) ? this.communes.get(commune) : null;
		if (timetable == null) {
			return List.of();
		}
		synchronized (timetable) {
			List<ScheduleProblem> all = new ArrayList<>();
			timetable.parts.values().forEach((part) -> all.addAll(part.problems()));
			return List.copyOf(all);
		}
	}

	/**
	 * Replaces what {@code source} defines in the commune in scope, and tells the engine.
	 * @param source a short name of the source, e.g. {@code files}
	 * @param part its zones, lists, slots and campaigns
	 * @param problems what it found wrong while reading them (kept for display)
	 */
	public void define(String source, Timetable part, List<ScheduleProblem> problems) {
		define(source, part, problems, false);
	}

	/**
	 * Replaces what {@code source} defines in the commune in scope, as another node
	 * changed it: the change event says so, and the engine does not re-plan it again.
	 */
	void defineFromElsewhere(String source, Timetable part, List<ScheduleProblem> problems) {
		define(source, part, problems, true);
	}

	private void define(String source, Timetable part, List<ScheduleProblem> problems, boolean elsewhere) {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(part, "part");
		long commune = this.tenancy.requireCommune();
		CommuneTimetable timetable = this.communes.computeIfAbsent(commune, (id) -> new CommuneTimetable());
		synchronized (timetable) {
			timetable.parts.put(source, new Part(part, List.copyOf(problems)));
			timetable.current = merge(timetable.parts);
		}
		this.events.publishEvent(new TimetableChanged(source, commune, elsewhere));
	}

	private static Timetable merge(Map<String, Part> parts) {
		Map<String, Timetable.Zone> zones = new LinkedHashMap<>();
		Map<String, Timetable.MailingList> lists = new LinkedHashMap<>();
		Map<String, Slot> slots = new LinkedHashMap<>();
		Map<String, Campaign> campaigns = new LinkedHashMap<>();
		List<Part> ordered = new ArrayList<>();
		if (parts.containsKey(FILES)) {
			ordered.add(parts.get(FILES));
		}
		parts.forEach((source, part) -> {
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

	/** The parts of one commune's timetable and their merge. */
	private static final class CommuneTimetable {

		private final Map<String, Part> parts = new LinkedHashMap<>();

		private volatile Timetable current = Timetable.empty();

	}

	private record Part(Timetable timetable, List<ScheduleProblem> problems) {
	}

}
