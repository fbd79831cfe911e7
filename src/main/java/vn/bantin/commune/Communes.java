package vn.bantin.commune;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final CommuneRecordStore records;

	private final CommuneTenancy tenancy;

	private final ProvinceSettings province;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Communes(CommuneRecordStore records, CommuneTenancy tenancy, ProvinceSettings province,
			TransactionTemplate transactions, Clock clock) {
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
		String name = hostName(host);
		Optional<CurrentCommune.Scope> found = this.transactions.execute(
				(tx) -> this.records.findByHost(name).filter((r) -> r.archivedAt().isEmpty()).map(Communes::scope));
		if (found.isEmpty() && !many()) {
			return scope(CurrentCommune.DEFAULT);
		}
		return found;
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
		return scope;
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
