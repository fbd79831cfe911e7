package vn.bantin.timetable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;
import vn.bantin.cluster.ChangedElsewhere;
import vn.bantin.cluster.ClusterChanges;
import vn.bantin.commune.Communes;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The slots, campaigns and email lists kept in the database, edited in the admin UI: the
 * part {@value #SOURCE} of {@link Timetables}. Loads them at start-up and, after each
 * change has committed, defines the part again (so a rolled-back save never reaches the
 * engine).
 *
 * <p>
 * A change is checked before it is stored: the text of each field ({@link SlotForm},
 * {@link CampaignForm}, {@link ListForm}, through the records' own rules), then what it
 * refers to (zones, lists, slots, plans, themes and items that exist, no key of a
 * file-managed entry). Entries kept in files are never changed here. Each save names the
 * version the officer started from; a save over a newer version is refused as a conflict.
 */
@Service
class StoredTimetables {

	/** The name of this part in {@link Timetables}. */
	static final String SOURCE = "ui";

	/** The topic of a change to stored entries, for the other nodes. */
	static final String TOPIC = "timetable";

	private final TimetableEntryStore entries;

	private final Timetables timetables;

	private final PlanCatalog plans;

	private final ItemCatalog items;

	private final Clock clock;

	private final TransactionTemplate reading;

	private final Communes communes;

	private final CommuneTenancy tenancy;

	private final ClusterChanges changes;

	/** The problems of each commune's part when it was last defined, by commune id. */
	private final Map<Long, List<ScheduleProblem>> lastProblems = new ConcurrentHashMap<>();

	StoredTimetables(TimetableEntryStore entries, Timetables timetables, PlanCatalog plans, ItemCatalog items,
			Clock clock, PlatformTransactionManager transactions, Communes communes, CommuneTenancy tenancy,
			ClusterChanges changes) {
		this.changes = changes;
		this.entries = entries;
		this.communes = communes;
		this.tenancy = tenancy;
		this.timetables = timetables;
		this.plans = plans;
		this.items = items;
		this.clock = clock;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reading.setReadOnly(true);
	}

	/** Loads the stored part of every commune's timetable, each in its own scope. */
	@EventListener(ApplicationStartedEvent.class)
	void loadAtStart() {
		for (CurrentCommune.Scope scope : this.communes.scopes()) {
			CurrentCommune.run(scope, this::reload);
		}
	}

	/**
	 * Another source changed (a schedule file): what the stored entries refer to may have
	 * appeared or gone, so their problems are checked again; the part is defined again
	 * only when they differ.
	 */
	@EventListener
	void otherPartChanged(TimetableChanged changed) {
		if (SOURCE.equals(changed.source())) {
			return;
		}
		inScope(changed.commune(), () -> {
			synchronized (this) {
				List<ScheduleProblem> problems = new ArrayList<>();
				this.reading.execute((status) -> StoredPart.read(this.entries.findAllByOrderByKindDescIdAsc(),
						this.timetables.current(), this.plans, problems));
				if (!problems.equals(this.lastProblems.getOrDefault(this.tenancy.requireCommune(), List.of()))) {
					reload();
				}
			}
		});
	}

	/**
	 * Runs {@code work} in the scope of {@code commune}: the one in scope already (the
	 * change was made there), else the commune's own; nothing when it is gone.
	 */
	private void inScope(long commune, Runnable work) {
		if (CurrentCommune.id().filter((id) -> id == commune).isPresent()) {
			work.run();
		}
		else {
			this.communes.active(commune).ifPresent((scope) -> CurrentCommune.run(scope, work));
		}
	}

	/**
	 * Reads every stored entry of the commune in scope and defines its part
	 * {@value #SOURCE} with them.
	 */
	synchronized void reload() {
		reload(false);
	}

	private synchronized void reload(boolean elsewhere) {
		List<ScheduleProblem> problems = new ArrayList<>();
		Timetable part = this.reading.execute((status) -> StoredPart.read(this.entries.findAllByOrderByKindDescIdAsc(),
				this.timetables.current(), this.plans, problems));
		this.lastProblems.put(this.tenancy.requireCommune(), List.copyOf(problems));
		if (elsewhere) {
			this.timetables.defineFromElsewhere(SOURCE, Objects.requireNonNull(part), problems);
		}
		else {
			this.timetables.define(SOURCE, Objects.requireNonNull(part), problems);
		}
	}

	/**
	 * Another node changed the stored entries of a commune: this node reads them again,
	 * so its timetable (what its pages, feeds and radio programme show) follows within
	 * about a second; the other node has re-planned the shared scheduler.
	 */
	@EventListener
	void changedElsewhere(ChangedElsewhere changed) {
		if (changed.is(TOPIC)) {
			inScope(changed.commune(), () -> reload(true));
		}
	}

	/** A stored slot with who changed it last, or empty when none has this key. */
	@Transactional(readOnly = true)
	Optional<Stored<SlotForm>> slot(String key) {
		return this.entries.findByKindAndKey(TimetableEntry.Kind.SLOT, key)
			.map((entry) -> new Stored<>(
					SlotForm.read(entry.key(), TimetableText.read(entry.definition()), entry.version()), entry));
	}

	/** A stored campaign with who changed it last, or empty when none has this key. */
	@Transactional(readOnly = true)
	Optional<Stored<CampaignForm>> campaign(String key) {
		return this.entries.findByKindAndKey(TimetableEntry.Kind.CAMPAIGN, key)
			.map((entry) -> new Stored<>(
					CampaignForm.read(entry.key(), TimetableText.read(entry.definition()), entry.version()), entry));
	}

	/** A stored email list with who changed it last, or empty when none has this key. */
	@Transactional(readOnly = true)
	Optional<Stored<ListForm>> list(String key) {
		return this.entries.findByKindAndKey(TimetableEntry.Kind.LIST, key)
			.map((entry) -> new Stored<>(
					ListForm.read(entry.key(), TimetableText.read(entry.definition()), entry.version()), entry));
	}

	/**
	 * Stores a new email list; its key must be new across the files and the UI.
	 * @return its key
	 * @throws TimetableFormRefused naming the fields at fault
	 */
	@Transactional
	String createList(ListForm form, String by) {
		Timetable.MailingList list = form.list();
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		checkNewKey(listInForce(list.key()).map(Timetable.MailingList::source), TimetableEntry.Kind.LIST, list.key(),
				errors);
		errors.check();
		this.entries.saveAndFlush(new TimetableEntry(TimetableEntry.Kind.LIST, list.key(),
				TimetableText.write(ListForm.of(list, null).fields()), by, this.clock.instant()));
		reloadAfterCommit();
		return list.key();
	}

	/**
	 * Changes a stored email list (its key stays).
	 * @throws TimetableFormRefused naming the fields at fault
	 * @throws TimetableChangeRefused when it is kept in a file, unknown, or changed by
	 * someone else since {@code form.version()}
	 */
	@Transactional
	void updateList(String key, ListForm form, String by) {
		TimetableEntry entry = changeable(TimetableEntry.Kind.LIST, key,
				listInForce(key).map(Timetable.MailingList::source), form.version());
		Timetable.MailingList list = new ListForm(key, form.name(), form.description(), form.open(), form.version())
			.list();
		entry.change(TimetableText.write(ListForm.of(list, null).fields()), by, this.clock.instant());
		this.entries.saveAndFlush(entry);
		reloadAfterCommit();
	}

	/**
	 * Deletes a stored email list that no slot sends to.
	 * @throws TimetableChangeRefused when it is kept in a file, unknown, in use, or
	 * changed by someone else since {@code version}
	 */
	@Transactional
	void deleteList(String key, Long version) {
		TimetableEntry entry = changeable(TimetableEntry.Kind.LIST, key,
				listInForce(key).map(Timetable.MailingList::source), version);
		List<Slot> users = this.timetables.current()
			.slots()
			.stream()
			.filter((slot) -> key.equals(slot.list()))
			.toList();
		if (!users.isEmpty()) {
			throw new TimetableChangeRefused(TimetableChangeRefused.Reason.IN_USE, "lists.error.in-use", key,
					String.join(", ", users.stream().map(Slot::name).toList()));
		}
		this.entries.delete(entry);
		this.entries.flush();
		reloadAfterCommit();
	}

	private Optional<Timetable.MailingList> listInForce(String key) {
		return this.timetables.current().lists().stream().filter((list) -> list.key().equals(key)).findFirst();
	}

	/**
	 * Stores a new slot.
	 * @return its key
	 * @throws TimetableFormRefused naming the fields at fault
	 */
	@Transactional
	String createSlot(SlotForm form, String by) {
		Slot slot = form.slot();
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		checkNewKey(this.timetables.current().slot(slot.key()).map(Slot::source), TimetableEntry.Kind.SLOT, slot.key(),
				errors);
		checkReferences(slot, errors);
		errors.check();
		this.entries.saveAndFlush(
				new TimetableEntry(TimetableEntry.Kind.SLOT, slot.key(), text(slot), by, this.clock.instant()));
		reloadAfterCommit();
		return slot.key();
	}

	/**
	 * Changes a stored slot (its key stays).
	 * @throws TimetableFormRefused naming the fields at fault
	 * @throws TimetableChangeRefused when it is kept in a file, unknown, or changed by
	 * someone else since {@code form.version()}
	 */
	@Transactional
	void updateSlot(String key, SlotForm form, String by) {
		TimetableEntry entry = changeable(TimetableEntry.Kind.SLOT, key,
				this.timetables.current().slot(key).map(Slot::source), form.version());
		Slot slot = new SlotForm(key, form.name(), form.channel(), form.kind(), form.times(), form.days(),
				form.everyWeeks(), form.anchor(), form.dates(), form.ranges(), form.excluded(), form.cron(),
				form.length(), form.zones(), form.list(), form.version())
			.slot();
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		checkReferences(slot, errors);
		errors.check();
		entry.change(text(slot), by, this.clock.instant());
		this.entries.saveAndFlush(entry);
		reloadAfterCommit();
	}

	/**
	 * Deletes a stored slot that no campaign fills.
	 * @throws TimetableChangeRefused when it is kept in a file, unknown, in use, or
	 * changed by someone else since {@code version}
	 */
	@Transactional
	void deleteSlot(String key, Long version) {
		TimetableEntry entry = changeable(TimetableEntry.Kind.SLOT, key,
				this.timetables.current().slot(key).map(Slot::source), version);
		List<Campaign> users = this.timetables.current().campaignsOf(key);
		if (!users.isEmpty()) {
			throw new TimetableChangeRefused(TimetableChangeRefused.Reason.IN_USE, "timetable.error.slot-in-use", key,
					String.join(", ", users.stream().map(Campaign::name).toList()));
		}
		this.entries.delete(entry);
		this.entries.flush();
		reloadAfterCommit();
	}

	/**
	 * Stores a new campaign.
	 * @return its key
	 * @throws TimetableFormRefused naming the fields at fault
	 */
	@Transactional
	String createCampaign(CampaignForm form, String by) {
		Campaign campaign = form.campaign();
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		checkNewKey(this.timetables.current().campaign(campaign.key()).map(Campaign::source),
				TimetableEntry.Kind.CAMPAIGN, campaign.key(), errors);
		checkReferences(campaign, errors);
		errors.check();
		this.entries.saveAndFlush(new TimetableEntry(TimetableEntry.Kind.CAMPAIGN, campaign.key(), text(campaign), by,
				this.clock.instant()));
		reloadAfterCommit();
		return campaign.key();
	}

	/**
	 * Changes a stored campaign (its key stays).
	 * @throws TimetableFormRefused naming the fields at fault
	 * @throws TimetableChangeRefused when it is kept in a file, unknown, or changed by
	 * someone else since {@code form.version()}
	 */
	@Transactional
	void updateCampaign(String key, CampaignForm form, String by) {
		TimetableEntry entry = changeable(TimetableEntry.Kind.CAMPAIGN, key,
				this.timetables.current().campaign(key).map(Campaign::source), form.version());
		Campaign campaign = new CampaignForm(key, form.name(), form.plan(), form.themes(), form.tags(), form.kinds(),
				form.items(), form.slots(), form.from(), form.until(), form.airs(), form.within(), form.perSlot(),
				form.order(), form.version())
			.campaign();
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		checkReferences(campaign, errors);
		errors.check();
		entry.change(text(campaign), by, this.clock.instant());
		this.entries.saveAndFlush(entry);
		reloadAfterCommit();
	}

	/**
	 * Deletes a stored campaign.
	 * @throws TimetableChangeRefused when it is kept in a file, unknown, or changed by
	 * someone else since {@code version}
	 */
	@Transactional
	void deleteCampaign(String key, Long version) {
		TimetableEntry entry = changeable(TimetableEntry.Kind.CAMPAIGN, key,
				this.timetables.current().campaign(key).map(Campaign::source), version);
		this.entries.delete(entry);
		this.entries.flush();
		reloadAfterCommit();
	}

	private void checkNewKey(Optional<String> inForce, TimetableEntry.Kind kind, String key,
			TimetableFormRefused.Collector errors) {
		Optional<String> file = inForce.filter(Objects::nonNull);
		if (file.isPresent()) {
			errors.reject("key", "timetable.error.key-file", key, file.get());
		}
		else if (this.entries.findByKindAndKey(kind, key).isPresent()) {
			errors.reject("key", "timetable.error.key-taken", key);
		}
	}

	private TimetableEntry changeable(TimetableEntry.Kind kind, String key, Optional<String> inForce, Long version) {
		Optional<String> file = inForce.filter(Objects::nonNull);
		if (file.isPresent()) {
			throw new TimetableChangeRefused(TimetableChangeRefused.Reason.READ_ONLY, "timetable.error.read-only", key,
					file.get());
		}
		TimetableEntry entry = this.entries.findByKindAndKey(kind, key)
			.orElseThrow(() -> new TimetableChangeRefused(TimetableChangeRefused.Reason.UNKNOWN,
					"timetable.error.unknown", key));
		if (version == null || version != entry.version()) {
			throw new TimetableChangeRefused(TimetableChangeRefused.Reason.CONFLICT, "timetable.error.conflict", key,
					entry.updatedBy(), entry.updatedAt(), entry.version());
		}
		return entry;
	}

	private void checkReferences(Slot slot, TimetableFormRefused.Collector errors) {
		Timetable current = this.timetables.current();
		Set<String> zones = new HashSet<>(current.zones().stream().map(Timetable.Zone::key).toList());
		slot.zones()
			.stream()
			.sorted()
			.filter((zone) -> !zones.contains(zone))
			.forEach((zone) -> errors.reject("zones", "timetable.error.zone-unknown", zone,
					String.join(", ", zones.stream().sorted().toList())));
		if (slot.list() != null && current.lists().stream().noneMatch((list) -> list.key().equals(slot.list()))) {
			errors.reject("list", "timetable.error.list-unknown", slot.list());
		}
	}

	private void checkReferences(Campaign campaign, TimetableFormRefused.Collector errors) {
		Timetable current = this.timetables.current();
		campaign.slots()
			.stream()
			.filter((slot) -> current.slot(slot).isEmpty())
			.forEach((slot) -> errors.reject("slots", "timetable.error.slot-unknown", slot));
		Optional<PlanView> plan = Optional.empty();
		if (campaign.plan() != null) {
			plan = this.plans.plan(campaign.plan());
			if (plan.isEmpty()) {
				errors.reject("plan", "timetable.error.plan-unknown", campaign.plan());
			}
		}
		List<PlanView.Theme> themes = plan.map(PlanView::themes).orElseGet(this.plans::themes);
		campaign.themes()
			.stream()
			.filter((theme) -> themes.stream().noneMatch((known) -> known.key().equals(theme)))
			.forEach((theme) -> errors.reject("themes", "timetable.error.theme-unknown", theme));
		campaign.items()
			.stream()
			.sorted()
			.filter((item) -> this.items.item(item).isEmpty())
			.forEach((item) -> errors.reject("items", "timetable.error.item-unknown", item));
	}

	private static String text(Slot slot) {
		return TimetableText.write(SlotForm.of(slot, null).fields());
	}

	private static String text(Campaign campaign) {
		return TimetableText.write(CampaignForm.of(campaign, null).fields());
	}

	private void reloadAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				reload();
			}
		});
		this.changes.announce(TOPIC, this.tenancy.requireCommune());
	}

	/**
	 * A stored entry as its form shows it, with who changed it last and when.
	 *
	 * @param form the form, with the entry's version
	 * @param updatedBy who saved it last
	 * @param updatedAt when
	 */
	record Stored<F>(F form, String updatedBy, java.time.Instant updatedAt) {

		Stored(F form, TimetableEntry entry) {
			this(form, entry.updatedBy(), entry.updatedAt());
		}

	}

}
