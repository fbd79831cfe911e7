package vn.bantin.commune;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The stored identity: a single row (id 1).
 */
@Entity
@Table(name = "commune_identity")
class CommuneRecord {

	static final int THE_ONLY_ID = 1;

	/** Parent units are stored one per line. */
	private static final String UNIT_SEPARATOR = "\n";

	@Id
	private Integer id;

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

	CommuneRecord(CommuneDetails details, Instant now) {
		this.id = THE_ONLY_ID;
		apply(details, now);
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
