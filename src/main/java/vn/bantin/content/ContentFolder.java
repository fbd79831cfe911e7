package vn.bantin.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.cluster.ClusterLocks;
import vn.bantin.commune.CommuneFolders;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

/**
 * Loads the content folder into the database: at start, and again whenever asked (the
 * folder watcher). Each file is stored on its own, in its own transaction, so that a bad
 * file is reported and skipped while the others load. An item whose file was deleted is
 * archived, never deleted: its history stays.
 *
 * <p>
 * In a province ({@code bantin.communes-dir}) each commune's {@code content/} is loaded
 * in that commune's scope, so what it stores is its own; a file's id is the item's slug,
 * and the item's id is {@link CommuneTenancy#key(String) the slug keyed by the commune},
 * so the same file name in two communes makes two items.
 */
@Component
class ContentFolder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ContentFolder.class);

	private final BantinProperties properties;

	private final PlanStore plans;

	private final ItemStore items;

	private final ItemEventStore events;

	private final ProcedureAnnouncements announcements;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final CommuneFolders communes;

	private final CommuneTenancy tenancy;

	/** Takes turns with the other nodes; null for a folder loaded by one node only. */
	private final ClusterLocks locks;

	/** The problems of each commune's last load, by commune id. */
	private final Map<Long, List<ContentProblem>> problems = new ConcurrentHashMap<>();

	/** A single commune's content folder, {@code bantin.content-dir}. */
	ContentFolder(BantinProperties properties, PlanStore plans, ItemStore items, ItemEventStore events,
			ProcedureAnnouncements announcements, TransactionTemplate transactions, Clock clock) {
		this(properties, plans, items, events, announcements, transactions, clock, null, new CommuneTenancy(), null);
	}

	@Autowired
	ContentFolder(BantinProperties properties, PlanStore plans, ItemStore items, ItemEventStore events,
			ProcedureAnnouncements announcements, TransactionTemplate transactions, Clock clock,
			CommuneFolders communes, CommuneTenancy tenancy, ClusterLocks locks) {
		this.locks = locks;
		this.communes = communes;
		this.tenancy = tenancy;
		this.announcements = announcements;
		this.properties = properties;
		this.plans = plans;
		this.items = items;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.communes != null && this.communes.enabled()) {
			this.communes.folders().forEach(this::load);
		}
		else {
			load();
		}
	}

	/**
	 * Reads every file of the content folder ({@code bantin.content-dir}) and upserts the
	 * good ones, in the commune in scope (the default commune without one).
	 * @return the problems found, also kept for {@link #problems()}
	 */
	List<ContentProblem> load() {
		return CurrentCommune.orDefault(this.properties.defaultZone(), () -> load(this.properties.contentDir(), ""));
	}

	/**
	 * Reads the content folder of one commune of {@code bantin.communes-dir} in its
	 * scope.
	 * @return the problems found
	 */
	List<ContentProblem> load(CommuneFolders.Folder folder) {
		return CurrentCommune.call(folder.scope(), () -> load(folder.content(), folder.key() + "/content/"));
	}

	/**
	 * Reloads the commune with this key (a commune folder), or the single content folder
	 * when {@code key} is {@code null}.
	 */
	void reload(String key) {
		if (key == null || this.communes == null) {
			load();
		}
		else {
			this.communes.folder(key).ifPresent(this::load);
		}
	}

	/**
	 * Reads every file of {@code folder} and upserts the good ones in the commune in
	 * scope.
	 * @param label what logs show before a file's path: empty for the single folder,
	 * {@code <key>/content/} for a commune's
	 */
	private synchronized List<ContentProblem> load(Path folder, String label) {
		long commune = this.tenancy.commune();
		if (this.locks == null) {
			return loadInTurn(folder, label, commune);
		}
		return this.locks.exclusively(lockName(commune), () -> loadInTurn(folder, label, commune));
	}

	/**
	 * The cluster lock of a commune's content folder. Why: with several nodes watching
	 * the same folder (or starting together), each sees a change and loads it; in turns,
	 * the first stores what differs from the database and the next finds every file
	 * {@linkplain ItemStore.Stored#unchangedBy unchanged} and stores nothing. So each
	 * file is applied once, with one item event, and two first loads of an empty database
	 * never insert the same item twice (a unique-key failure in the log, a file reported
	 * as not stored). The database arbitrates, by comparing each file with what it holds,
	 * not a node's memory of what it loaded.
	 */
	static String lockName(long commune) {
		return "content:" + commune;
	}

	private List<ContentProblem> loadInTurn(Path folder, String label, long commune) {
		if (!Files.isDirectory(folder)) {
			// an unmounted drive must not archive every item: with no folder there is
			// nothing to load
			log.warn("No content folder at {}: nothing loaded, nothing archived", folder.toAbsolutePath());
			this.problems.put(commune, List.of());
			return List.of();
		}
		ContentFiles.Snapshot snapshot = ContentFiles.read(folder, this.properties.zone());
		List<ContentProblem> found = new ArrayList<>(snapshot.problems());
		Map<String, ItemStore.Stored> stored = this.items.findAllStored()
			.stream()
			.collect(Collectors.toMap(ItemStore.Stored::id, Function.identity()));
		int plansLoaded = storeEach(keyedPlans(snapshot.plans()), found, this::store);
		int problemsBefore = found.size();
		Map<String, ItemFile> keyed = keyedItems(snapshot.items());
		Map<String, ItemFile> changed = changedItems(keyed, stored, found);
		int unchanged = keyed.size() - changed.size() - (found.size() - problemsBefore);
		int itemsLoaded = storeEach(changed, found, this::store) + unchanged;
		archiveVanished(folder, stored.values());
		found.forEach((problem) -> log.warn("Content problem: {}{}", label, problem));
		log.info("Loaded {} plan(s) and {} item(s) from {}; {} problem(s)", plansLoaded, itemsLoaded,
				folder.toAbsolutePath(), found.size());
		List<ContentProblem> result = List.copyOf(found);
		this.problems.put(commune, result);
		return result;
	}

	/** The problems of the last load of the content folder of the commune in scope. */
	List<ContentProblem> problems() {
		return this.problems.getOrDefault(this.tenancy.commune(), List.of());
	}

	/** The plans with their ids keyed by the commune in scope. */
	private Map<String, PlanFile> keyedPlans(Map<String, PlanFile> files) {
		Map<String, PlanFile> keyed = new LinkedHashMap<>();
		files.forEach((path, file) -> keyed.put(path, file.withId(this.tenancy.key(file.id()))));
		return keyed;
	}

	/** The items with their ids keyed by the commune in scope. */
	private Map<String, ItemFile> keyedItems(Map<String, ItemFile> files) {
		Map<String, ItemFile> keyed = new LinkedHashMap<>();
		files.forEach((path, file) -> keyed.put(path, file.withId(this.tenancy.key(file.id()))));
		return keyed;
	}

	/**
	 * The item files to store: not those whose text was already applied (nothing to
	 * write), and not those whose id belongs to an item written in the editor (reported:
	 * a file must not take it over).
	 */
	private static Map<String, ItemFile> changedItems(Map<String, ItemFile> files, Map<String, ItemStore.Stored> stored,
			List<ContentProblem> found) {
		Map<String, ItemFile> changed = new LinkedHashMap<>();
		files.forEach((path, file) -> {
			ItemStore.Stored item = stored.get(file.id());
			if (item != null && !item.fromFile()) {
				found.add(new ContentProblem(path, 2, 1, "field 'id': '" + CommuneTenancy.slug(file.id())
						+ "' is already used by an item written in the editor; choose another id"));
			}
			else if (item == null || !item.unchangedBy(file, path)) {
				changed.put(path, file);
			}
		});
		return changed;
	}

	private <T> int storeEach(Map<String, T> files, List<ContentProblem> found, Store<T> store) {
		int stored = 0;
		for (Map.Entry<String, T> file : files.entrySet()) {
			try {
				this.transactions.executeWithoutResult((tx) -> store.store(file.getValue(), file.getKey()));
				stored++;
			}
			catch (DataAccessException ex) {
				// one file the database refuses must not stop the others
				found.add(new ContentProblem(file.getKey(), 1, 1,
						"could not be stored: " + ex.getMostSpecificCause().getMessage()));
			}
		}
		return stored;
	}

	private void store(PlanFile file, String path) {
		Plan plan = this.plans.findById(file.id()).orElse(null);
		if (plan != null && plan.unchangedBy(file, path)) {
			return;
		}
		if (plan == null) {
			plan = new Plan(file.id());
		}
		plan.refresh(file, path, this.clock.instant());
		this.plans.save(plan);
	}

	private void store(ItemFile file, String path) {
		Instant now = this.clock.instant();
		Item existing = this.items.findById(file.id()).orElse(null);
		if (existing == null) {
			this.items.save(Item.fromFile(file, path, now));
			this.events.save(new ItemEvent(file.id(), now, ItemEvent.CONTENT_FOLDER, ItemChanged.Action.CREATED, path));
		}
		else {
			ProcedureStatus before = existing.procedureStatus();
			if (existing.refresh(file, path, now)) {
				this.events
					.save(new ItemEvent(file.id(), now, ItemEvent.CONTENT_FOLDER, ItemChanged.Action.UPDATED, path));
				ProcedureStatus after = existing.procedureStatus();
				if (before != null && after != null && before != after) {
					this.announcements.announce(existing.view(), ItemEvent.CONTENT_FOLDER, now);
				}
			}
		}
	}

	/**
	 * Archives items whose file no longer exists (a file that only fails to parse still
	 * exists). Reads only ids and paths, so that a large folder does not load every
	 * item's text into memory.
	 */
	private void archiveVanished(Path folder, Collection<ItemStore.Stored> stored) {
		Instant now = this.clock.instant();
		for (ItemStore.Stored file : stored) {
			boolean gone = file.fromFile() && !Files.exists(folder.resolve(file.sourceFile()));
			if (gone && file.status() != ItemStatus.ARCHIVED) {
				this.transactions.executeWithoutResult((tx) -> {
					this.items.findById(file.id()).ifPresent((item) -> item.archive(now));
					this.events.save(new ItemEvent(file.id(), now, ItemEvent.CONTENT_FOLDER,
							ItemChanged.Action.ARCHIVED, file.sourceFile() + " was deleted"));
				});
			}
		}
	}

	@FunctionalInterface
	private interface Store<T> {

		void store(T file, String path);

	}

}
