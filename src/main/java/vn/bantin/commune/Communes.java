package vn.bantin.commune;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.cluster.ChangedElsewhere;
import vn.bantin.cluster.ClusterChanges;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;
import vn.bantin.system.RuleViolation;

/**
 * The communes of the province: which commune a host name, a key or an id stands for, and
 * the {@link CurrentCommune.Scope} to do its work in.
 *
 * <p>
 * A single-commune deployment is a province of one: commune
 * {@link CurrentCommune#DEFAULT} answers on every host. As soon as there is a second
 * commune (or {@link ProvinceSettings} say the deployment is a province),
 * {@link CommuneTenancy} is told, and work without a scope sees nothing.
 */
@Service
public class Communes {

	/** A commune's key: its folder name and the prefix of its keys. */
	static final Pattern KEY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	/**
	 * A host name as a commune's site may answer on: letters, digits, dots and hyphens.
	 */
	static final Pattern HOST = Pattern
		.compile("(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

	private final CommuneRecordStore records;

	private final CommuneTenancy tenancy;

	private final ProvinceSettings province;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ObjectProvider<Commune> identities;

	private final BantinProperties properties;

	/** How long a host's commune is remembered (a change on another node shows then). */
	private static final java.time.Duration CACHE_FOR = java.time.Duration.ofSeconds(10);

	private static final int MAX_CACHED_HOSTS = 10_000;

	private final java.util.Map<String, Cached> byHost = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The topic of a change to communes (identity, hosts, zone, archive), for other
	 * nodes.
	 */
	static final String TOPIC = "communes";

	private final ClusterChanges changes;

	Communes(CommuneRecordStore records, CommuneTenancy tenancy, ProvinceSettings province,
			TransactionTemplate transactions, Clock clock, ObjectProvider<Commune> identities,
			BantinProperties properties, ClusterChanges changes) {
		this.changes = changes;
		this.identities = identities;
		this.properties = properties;
		this.records = records;
		this.tenancy = tenancy;
		this.province = province;
		this.transactions = transactions;
		this.clock = clock;
	}

	@EventListener(ApplicationStartedEvent.class)
	void countCommunes() {
		recount();
	}

	/** Tells the tenancy whether this deployment now holds several communes. */
	void recount() {
		this.byHost.clear();
		long count = this.transactions.execute((tx) -> this.records.count());
		this.tenancy.many(count > 1 || this.province.isProvince());
	}

	/**
	 * Whether this deployment is a province of several communes (or configured as one).
	 */
	public boolean many() {
		return this.tenancy.many();
	}

	/** The scope of the default commune, the one of a single-commune deployment. */
	public CurrentCommune.Scope defaultScope() {
		return scope(CurrentCommune.DEFAULT).orElseThrow();
	}

	/** The scope of the commune with this id, if it exists. */
	public Optional<CurrentCommune.Scope> scope(long id) {
		return this.transactions.execute((tx) -> this.records.findById(id).map(Communes::scope));
	}

	/** The scope of the commune with this key, if it exists. */
	public Optional<CurrentCommune.Scope> scope(String key) {
		return this.transactions.execute((tx) -> this.records.findByKey(key).map(Communes::scope));
	}

	/**
	 * The scope of the commune with this id if it exists and is not archived: the commune
	 * a scheduler trigger or a queued row was made for, still there to work for.
	 */
	public Optional<CurrentCommune.Scope> active(long id) {
		return this.transactions
			.execute((tx) -> this.records.findById(id).filter((r) -> r.archivedAt().isEmpty()).map(Communes::scope));
	}

	/**
	 * The scope of every commune not archived, by key: for work done once per commune
	 * (the scheduler's start-up sweep).
	 */
	public List<CurrentCommune.Scope> scopes() {
		return this.transactions.execute((tx) -> this.records.findAllByOrderByKey()
			.stream()
			.filter((r) -> r.archivedAt().isEmpty())
			.map(Communes::scope)
			.toList());
	}

	/**
	 * The scope of the commune whose site answers on {@code host} (matched without port,
	 * case-insensitively). In a province of one, the default commune answers on every
	 * host; in a province of many an unknown host has no commune.
	 */
	public Optional<CurrentCommune.Scope> byHost(String host) {
		if (!many()) {
			return Optional.of(cachedDefault());
		}
		String name = hostName(host);
		java.time.Instant now = this.clock.instant();
		Cached cached = this.byHost.get(name);
		if (cached == null || now.isAfter(cached.until())) {
			Optional<CurrentCommune.Scope> found = this.transactions.execute(
					(tx) -> this.records.findByHost(name).filter((r) -> r.archivedAt().isEmpty()).map(Communes::scope));
			cached = new Cached(found, now.plus(CACHE_FOR));
			if (this.byHost.size() > MAX_CACHED_HOSTS) {
				this.byHost.clear();
			}
			this.byHost.put(name, cached);
		}
		return cached.scope();
	}

	private CurrentCommune.Scope cachedDefault() {
		java.time.Instant now = this.clock.instant();
		Cached cached = this.byHost.get("");
		if (cached == null || now.isAfter(cached.until()) || cached.scope().isEmpty()) {
			cached = new Cached(Optional.of(defaultScope()), now.plus(CACHE_FOR));
			this.byHost.put("", cached);
		}
		return cached.scope().get();
	}

	/** Host names looked up lately; every request asks. */
	private record Cached(Optional<CurrentCommune.Scope> scope, java.time.Instant until) {
	}

	/** Every commune not archived, by key. */
	public List<CommuneSummary> all() {
		return this.transactions.execute((tx) -> this.records.findAllByOrderByKey()
			.stream()
			.filter((r) -> r.archivedAt().isEmpty())
			.map(Communes::summary)
			.toList());
	}

	/**
	 * Creates the commune {@code key}, or updates its name, zone and hosts if it exists.
	 * @throws RuleViolation naming the field that is malformed or taken
	 */
	CurrentCommune.Scope ensure(String key, CommuneDetails details, ZoneId zone, Collection<String> hosts) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new RuleViolation("key", "commune.error.key");
		}
		List<String> names = hosts.stream().map(Communes::hostName).distinct().toList();
		CurrentCommune.Scope scope = this.transactions.execute((tx) -> {
			CommuneRecord record = this.records.findByKey(key)
				.orElseGet(() -> this.records.save(new CommuneRecord(key, zone, details, this.clock.instant())));
			for (String host : names) {
				this.records.findByHost(host).filter((other) -> !other.key().equals(key)).ifPresent((other) -> {
					throw new RuleViolation("hosts", "commune.error.host-taken");
				});
			}
			record.apply(details, this.clock.instant());
			record.zone(zone, this.clock.instant());
			record.hosts(names, this.clock.instant());
			return scope(record);
		});
		recount();
		changed();
		return scope;
	}

	/** A commune that exists (archived or not), by key. */
	public Optional<CommuneSummary> summary(String key) {
		return this.transactions.execute((tx) -> this.records.findByKey(key).map(Communes::summary));
	}

	/** A commune that exists (archived or not), by id. */
	public Optional<CommuneSummary> summary(long id) {
		return this.transactions.execute((tx) -> this.records.findById(id).map(Communes::summary));
	}

	/**
	 * Creates a commune from the province's pages or API, with a name and host names; the
	 * rest of its identity is edited afterwards on its own {@code /admin/commune}.
	 * @throws RuleViolation naming the field that is malformed ({@code key},
	 * {@code name}, {@code hosts}, {@code zone})
	 * @throws Taken when the key or a host name belongs to another commune
	 */
	public CommuneSummary create(String key, String name, Collection<String> hosts, ZoneId zone) {
		checkKey(key);
		String cleanName = checkName(name);
		List<String> names = checkHosts(hosts);
		ZoneId cleanZone = (zone != null) ? zone : this.properties.defaultZone();
		CommuneSummary created = this.transactions.execute((tx) -> {
			if (this.records.findByKey(key).isPresent()) {
				throw new Taken("key");
			}
			refuseTakenHosts(key, names);
			CommuneRecord record = this.records
				.save(new CommuneRecord(key, cleanZone, newDetails(cleanName, names), this.clock.instant()));
			record.hosts(names, this.clock.instant());
			return summary(record);
		});
		recount();
		changed();
		return created;
	}

	/**
	 * Changes a commune's name, host names and zone ({@code null} keeps what it has).
	 * @throws RuleViolation naming the malformed field
	 * @throws Taken when a host name belongs to another commune
	 * @throws java.util.NoSuchElementException when there is no such commune
	 */
	public CommuneSummary update(String key, String name, Collection<String> hosts, ZoneId zone) {
		String cleanName = (name != null) ? checkName(name) : null;
		List<String> names = (hosts != null) ? checkHosts(hosts) : null;
		CommuneSummary updated = this.transactions.execute((tx) -> {
			CommuneRecord record = this.records.findByKey(key).orElseThrow();
			if (cleanName != null) {
				CommuneDetails old = record.details();
				record.apply(new CommuneDetails(cleanName, old.shortName(), old.level(), old.parentUnits(),
						old.address(), old.phone(), old.email(), old.websiteUrl(), old.signerTitle(), old.signerName(),
						old.localeTag()), this.clock.instant());
			}
			if (names != null) {
				refuseTakenHosts(key, names);
				record.hosts(names, this.clock.instant());
			}
			if (zone != null) {
				record.zone(zone, this.clock.instant());
			}
			return summary(record);
		});
		this.byHost.clear();
		this.identities.ifAvailable(Commune::forget);
		changed();
		return updated;
	}

	/**
	 * Archives a commune: its site no longer answers on its host names (they lead to the
	 * province page) and it leaves the province's lists; its rows stay. The default
	 * commune cannot be archived.
	 */
	public void archive(String key) {
		this.transactions.executeWithoutResult((tx) -> {
			CommuneRecord record = this.records.findByKey(key).orElseThrow();
			if (record.id() == CurrentCommune.DEFAULT) {
				throw new RuleViolation("key", "commune.error.archive-default");
			}
			record.archive(this.clock.instant());
		});
		this.byHost.clear();
		changed();
	}

	/**
	 * Tells the other nodes that a commune changed, so that they drop what they remember
	 * of communes (host names, identities, how many there are) within about a second
	 * instead of when it expires.
	 */
	void changed() {
		this.changes.announce(TOPIC, 0);
	}

	/** Another node changed a commune: forget what this one remembers. */
	@EventListener
	void changedElsewhere(ChangedElsewhere changed) {
		if (changed.is(TOPIC)) {
			recount();
			this.identities.ifAvailable(Commune::forget);
		}
	}

	private static void checkKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new RuleViolation("key", "commune.error.key");
		}
	}

	private static String checkName(String name) {
		String clean = (name != null) ? vn.bantin.text.VietnameseText.nfc(name.strip()) : "";
		if (clean.isEmpty() || clean.length() > 200) {
			throw new RuleViolation("name", "commune.error.required");
		}
		return clean;
	}

	private static List<String> checkHosts(Collection<String> hosts) {
		if (hosts == null) {
			return List.of();
		}
		List<String> names = hosts.stream().map(Communes::hostName).distinct().toList();
		for (String name : names) {
			if (!HOST.matcher(name).matches()) {
				throw new RuleViolation("hosts", "commune.error.host");
			}
		}
		return names;
	}

	private void refuseTakenHosts(String key, List<String> names) {
		for (String host : names) {
			if (this.records.findByHost(host).filter((other) -> !other.key().equals(key)).isPresent()
					|| this.province.host().filter(host::equals).isPresent()) {
				throw new Taken("hosts");
			}
		}
	}

	private CommuneDetails newDetails(String name, List<String> hosts) {
		List<String> parents = java.util.Optional.ofNullable(this.province.province())
			.map(ProvinceSettings.Province::name)
			.filter((n) -> !n.isBlank())
			.map(List::of)
			.orElse(List.of());
		String website = hosts.isEmpty() ? "" : "https://" + hosts.get(0);
		return new CommuneDetails(name, name, "Xã", parents, "", "", "", website, "Chủ tịch", "", "vi");
	}

	/** A commune key or host name that belongs to another commune. */
	public static class Taken extends RuntimeException {

		private final String field;

		Taken(String field) {
			super(field + " taken");
			this.field = field;
		}

		/** The field whose value is taken: {@code key} or {@code hosts}. */
		public String field() {
			return this.field;
		}

	}

	/** A host name without port, in lower case. */
	static String hostName(String host) {
		if (host == null) {
			return "";
		}
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[")) {
			int end = name.indexOf(']');
			return (end > 0) ? name.substring(0, end + 1) : name;
		}
		int colon = name.indexOf(':');
		name = (colon >= 0) ? name.substring(0, colon) : name;
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private static CurrentCommune.Scope scope(CommuneRecord record) {
		return new CurrentCommune.Scope(record.id(), record.key(), record.zone());
	}

	private static CommuneSummary summary(CommuneRecord record) {
		CommuneDetails details = record.details();
		return new CommuneSummary(record.id(), record.key(), details.name(), details.shortName(),
				List.copyOf(record.hosts()), details.websiteUrl(), record.zone());
	}

	/**
	 * A commune as the province lists it.
	 *
	 * @param id its id
	 * @param key its key
	 * @param name the full name of its People's Committee
	 * @param shortName its name alone
	 * @param hosts the host names its public site answers on
	 * @param websiteUrl its site's address
	 * @param zone its time zone
	 */
	public record CommuneSummary(long id, String key, String name, String shortName, List<String> hosts,
			String websiteUrl, ZoneId zone) {

		public CommuneSummary {
			hosts = List.copyOf(hosts);
		}

	}

}
