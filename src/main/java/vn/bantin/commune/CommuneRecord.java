package vn.bantin.commune;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A commune of the province: its key, its host names, its zone and its identity. The
 * commune of a single-commune deployment is row 1.
 */
@Entity
@Table(name = "commune")
class CommuneRecord {

	/** Parent units are stored one per line. */
	private static final String UNIT_SEPARATOR = "\n";

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commune_seq")
	@SequenceGenerator(name = "commune_seq", sequenceName = "commune_seq", allocationSize = 1)
	private Long id;

	@Column(name = "commune_key", nullable = false, length = 63, updatable = false)
	private String key;

	@Column(name = "time_zone", nullable = false, length = 60)
	private String zone;

	@Column(name = "archived_at")
	private Instant archivedAt;

	/**
	 * False only for the placeholder the migration to communes wrote for a never-seeded
	 * identity.
	 */
	@Column(nullable = false)
	private boolean configured;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "commune_host", joinColumns = @JoinColumn(name = "commune_id"))
	@Column(name = "host", length = 253)
	private Set<String> hosts = new TreeSet<>();

	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "short_name", nullable = false, length = 100)
	private String shortName;

	@Column(name = "level_name", nullable = false, length = 50)
	private String level;

	@Column(name = "parent_units", nullable = false, length = 500)
	private String parentUnits;

	@Column(nullable = false, length = 500)
	private String address;

	@Column(nullable = false, length = 50)
	private String phone;

	@Column(nullable = false, length = 200)
	private String email;

	@Column(name = "website_url", nullable = false, length = 500)
	private String websiteUrl;

	@Column(name = "logo_file", length = 200)
	private String logoFile;

	@Column(name = "signer_title", nullable = false, length = 100)
	private String signerTitle;

	@Column(name = "signer_name", nullable = false, length = 100)
	private String signerName;

	@Column(name = "locale_tag", nullable = false, length = 20)
	private String localeTag;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected CommuneRecord() {
	}

	CommuneRecord(String key, ZoneId zone, CommuneDetails details, Instant now) {
		this.key = key;
		this.zone = zone.getId();
		this.configured = true;
		apply(details, now);
	}

	Long id() {
		return this.id;
	}

	String key() {
		return this.key;
	}

	ZoneId zone() {
		return ZoneId.of(this.zone);
	}

	void zone(ZoneId zone, Instant now) {
		this.zone = zone.getId();
		this.updatedAt = now;
	}

	boolean configured() {
		return this.configured;
	}

	Set<String> hosts() {
		return Collections.unmodifiableSet(this.hosts);
	}

	void hosts(Collection<String> hosts, Instant now) {
		this.hosts.clear();
		this.hosts.addAll(hosts);
		this.updatedAt = now;
	}

	Optional<Instant> archivedAt() {
		return Optional.ofNullable(this.archivedAt);
	}

	void archive(Instant now) {
		this.archivedAt = now;
		this.updatedAt = now;
	}

	void restore(Instant now) {
		this.archivedAt = null;
		this.updatedAt = now;
	}

	void apply(CommuneDetails details, Instant now) {
		this.name = details.name();
		this.shortName = details.shortName();
		this.level = details.level();
		this.parentUnits = String.join(UNIT_SEPARATOR, details.parentUnits());
		this.address = details.address();
		this.phone = details.phone();
		this.email = details.email();
		this.websiteUrl = details.websiteUrl();
		this.signerTitle = details.signerTitle();
		this.signerName = details.signerName();
		this.localeTag = details.localeTag();
		this.configured = true;
		this.updatedAt = now;
	}

	void useLogo(String logoFile, Instant now) {
		this.logoFile = logoFile;
		this.updatedAt = now;
	}

	String logoFile() {
		return this.logoFile;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	CommuneDetails details() {
		return new CommuneDetails(this.name, this.shortName, this.level, units(), this.address, this.phone, this.email,
				this.websiteUrl, this.signerTitle, this.signerName, this.localeTag);
	}

	private List<String> units() {
		return Arrays.stream(this.parentUnits.split(UNIT_SEPARATOR))
			.map(String::strip)
			.filter((u) -> !u.isEmpty())
			.toList();
	}

}
