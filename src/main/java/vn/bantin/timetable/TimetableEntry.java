package vn.bantin.timetable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/**
 * A slot, campaign or email list kept in the database because it is edited in the admin
 * UI, in the canonical text form of {@link TimetableText} (the files in
 * {@code schedules/} are never stored here). The version makes a second officer's save of
 * a stale copy fail instead of silently overwriting the first one's.
 */
@Entity
@Table(name = "timetable_entry")
class TimetableEntry {

	/** What an entry defines. */
	enum Kind {

		SLOT, CAMPAIGN, LIST

	}

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Kind kind;

	@Column(name = "entry_key", nullable = false, length = 100)
	private String key;

	@Column(nullable = false)
	private String definition;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_by", nullable = false, length = 100)
	private String updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected TimetableEntry() {
	}

	TimetableEntry(Kind kind, String key, String definition, String by, Instant at) {
		this.kind = kind;
		this.key = key;
		this.definition = definition;
		this.createdBy = by;
		this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
		this.updatedBy = by;
		this.updatedAt = this.createdAt;
	}

	void change(String definition, String by, Instant at) {
		this.definition = definition;
		this.updatedBy = by;
		this.updatedAt = at.truncatedTo(ChronoUnit.MICROS);
	}

	Kind kind() {
		return this.kind;
	}

	String key() {
		return this.key;
	}

	String definition() {
		return this.definition;
	}

	String createdBy() {
		return this.createdBy;
	}

	String updatedBy() {
		return this.updatedBy;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	long version() {
		return this.version;
	}

}
