package vn.bantin.timetable;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.bantin.commune.CommuneFolders;
import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

/**
 * Loads the timetable files of {@code bantin.schedules-dir} into {@link Timetables} (as
 * source {@value #SOURCE}) once the application is ready (the content folder's plans are
 * loaded by then), and again whenever the files change, without a restart.
 *
 * <p>
 * Changes are noticed by polling: one daemon thread, {@value #THREAD_NAME}, compares the
 * paths, sizes, modification times and texts of the timetable files every
 * {@link #POLL_INTERVAL}, and reloads once they have stayed the same for one more
 * interval (editors save in bursts). A timetable folder holds a handful of small files,
 * so polling costs nothing worth an operating-system watch, and it works on network
 * drives too. A missing folder is an empty timetable, not an error.
 *
 * <p>
 * Reloading re-checks the campaigns' plans and themes against the plans loaded then; the
 * radio capacity check, which needs the items, is left to {@code validate} and the
 * agenda.
 *
 * <p>
 * In a province ({@code bantin.communes-dir}) each commune's {@code schedules/} is loaded
 * in that commune's scope, and the one thread polls them all, reloading only the commune
 * whose files changed.
 */
@Component
class ScheduleFolder implements DisposableBean {

	/** When the folder loads among the listeners of the application being ready. */
	static final int LOAD_ORDER = Timetables.FILES_LOAD_ORDER;

	/** The name of this part of the timetable in {@link Timetables}. */
	static final String SOURCE = "files";

	static final String THREAD_NAME = "schedules-watcher";

	static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(ScheduleFolder.class);

	private final Path folder;

	private final BantinProperties properties;

	private final Timetables timetables;

	private final Supplier<Map<String, List<String>>> plans;

	private final Clock clock;

	private final Duration pollInterval;

	/** The commune folders of a province; none for a single commune. */
	private final Supplier<List<CommuneFolders.Folder>> communes;

	private final Object monitor = new Object();

	private Thread thread;

	private volatile boolean stopping;

	@Autowired
	ScheduleFolder(BantinProperties properties, Timetables timetables, PlanCatalog plans, Clock clock,
			CommuneFolders communes) {
		this(properties, timetables, () -> themesByPlan(plans), clock, POLL_INTERVAL, communes::folders);
	}

	ScheduleFolder(BantinProperties properties, Timetables timetables, Supplier<Map<String, List<String>>> plans,
			Clock clock, Duration pollInterval) {
		this(properties, timetables, plans, clock, pollInterval, List::of);
	}

	ScheduleFolder(BantinProperties properties, Timetables timetables, Supplier<Map<String, List<String>>> plans,
			Clock clock, Duration pollInterval, Supplier<List<CommuneFolders.Folder>> communes) {
		this.communes = communes;
		this.folder = properties.schedulesDir().toAbsolutePath().normalize();
		this.properties = properties;
		this.timetables = timetables;
		this.plans = plans;
		this.clock = clock;
		this.pollInterval = pollInterval;
	}

	private static Map<String, List<String>> themesByPlan(PlanCatalog catalog) {
		Map<String, List<String>> plans = new LinkedHashMap<>();
		for (PlanView plan : catalog.plans()) {
			// timetable files name a plan by its slug, whatever the commune
			plans.put(CommuneTenancy.slug(plan.id()), plan.themes().stream().map(PlanView.Theme::key).toList());
		}
		return plans;
	}

	/**
	 * Loads the folder, then watches it; before the engine's start-up sweep (ordered
	 * after {@link Timetables#FILES_LOAD_ORDER}), which needs the whole timetable.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(LOAD_ORDER)
	void start() {
		synchronized (this.monitor) {
			if (this.thread != null) {
				return;
			}
			List<Watched> watched = watched();
			Map<Watched, Map<String, Stamp>> loaded = new LinkedHashMap<>();
			for (Watched one : watched) {
				loaded.put(one, fingerprint(one.folder()));
				one.load(this);
			}
			this.stopping = false;
			this.thread = new Thread(() -> watch(loaded), THREAD_NAME);
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	@Override
	public void destroy() {
		Thread stopped;
		synchronized (this.monitor) {
			this.stopping = true;
			stopped = this.thread;
			this.thread = null;
			this.monitor.notifyAll();
		}
		if (stopped != null) {
			try {
				stopped.join(Duration.ofSeconds(5).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Reads and checks every file and replaces the files' part of the timetable.
	 * @return the problems found
	 */
	List<ScheduleProblem> load() {
		return CurrentCommune.orDefault(this.properties.defaultZone(), () -> load(this.folder));
	}

	/**
	 * Loads one commune's timetable folder in its scope.
	 * @return the problems found
	 */
	List<ScheduleProblem> load(CommuneFolders.Folder commune) {
		return CurrentCommune.call(commune.scope(), () -> load(commune.schedules()));
	}

	/** The single folder, or each commune's. */
	private List<Watched> watched() {
		List<CommuneFolders.Folder> folders = this.communes.get();
		if (folders.isEmpty()) {
			return List.of(new Watched(this.folder, null));
		}
		return folders.stream().map((f) -> new Watched(f.schedules(), f)).toList();
	}

	private synchronized List<ScheduleProblem> load(Path folder) {
		Map<String, List<String>> planThemes = this.plans.get();
		ScheduleFiles.Reading reading = ScheduleFiles.read(folder, planThemes);
		List<ScheduleProblem> problems = new java.util.ArrayList<>(reading.problems());
		problems.addAll(ScheduleFiles.check(reading, this.properties.zone(), planThemes, (item) -> Duration.ZERO)
			.check(reading.timetable(), reading.locations(), this.clock.instant(), List.of()));
		problems = ScheduleFiles.sorted(problems);
		this.timetables.define(SOURCE, reading.timetable(), problems);
		problems.forEach((problem) -> log.warn("Schedule problem: {}", problem));
		Timetable timetable = reading.timetable();
		log.info("Loaded {} slot(s), {} campaign(s), {} zone(s) and {} list(s) from {}{}; {} problem(s)",
				timetable.slots().size(), timetable.campaigns().size(), timetable.zones().size(),
				timetable.lists().size(), folder, Files.isDirectory(folder) ? "" : " (no such folder)",
				problems.size());
		return problems;
	}

	private void watch(Map<Watched, Map<String, Stamp>> initial) {
		Map<Watched, Map<String, Stamp>> loaded = new LinkedHashMap<>(initial);
		Map<Watched, Map<String, Stamp>> seen = new LinkedHashMap<>(initial);
		while (!pause()) {
			for (Watched one : initial.keySet()) {
				try {
					Map<String, Stamp> now = fingerprint(one.folder());
					if (!now.equals(loaded.get(one)) && now.equals(seen.get(one))) {
						// unchanged for one interval: the burst of saves is over
						log.info("Timetable files changed: reloading {}", one.folder());
						one.load(this);
						loaded.put(one, now);
					}
					seen.put(one, now);
				}
				catch (RuntimeException ex) {
					log.warn("Reloading the timetable files failed; still watching {}", one.folder(), ex);
				}
			}
		}
	}

	/** Waits one interval; whether to stop. */
	private boolean pause() {
		synchronized (this.monitor) {
			if (!this.stopping) {
				try {
					this.monitor.wait(Math.max(1, this.pollInterval.toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return true;
				}
			}
			return this.stopping;
		}
	}

	/**
	 * Each timetable file's size, modification time and a hash of its text, by path;
	 * empty when none.
	 */
	private static Map<String, Stamp> fingerprint(Path folder) {
		Map<String, Stamp> stamps = new HashMap<>();
		if (!Files.isDirectory(folder)) {
			return stamps;
		}
		try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
			files.filter((file) -> ScheduleFiles.isTimetable(folder, file)).forEach((file) -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					// the text too: a quick rewrite may keep the size and the time stamp
					stamps.put(ScheduleFiles.relative(folder, file), new Stamp(attributes.size(),
							attributes.lastModifiedTime().toMillis(), Arrays.hashCode(Files.readAllBytes(file))));
				}
				catch (IOException ex) {
					// vanished while walking: the next poll sees it gone
				}
			});
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			log.debug("Cannot walk {}", folder, ex);
		}
		return stamps;
	}

	private record Stamp(long size, long modified, int text) {
	}

	/** A timetable folder: the single one, or a commune's. */
	private record Watched(Path folder, CommuneFolders.Folder commune) {

		void load(ScheduleFolder loader) {
			if (this.commune == null) {
				loader.load();
			}
			else {
				loader.load(this.commune);
			}
		}

	}

}
