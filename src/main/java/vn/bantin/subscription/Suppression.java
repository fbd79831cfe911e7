package vn.bantin.subscription;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/**
 * An address that must not be added back to a list ({@link #ALL_LISTS} for every list):
 * it left, it bounced, or staff suppressed it. Imports and staff never override it; the
 * person signing up again (double opt-in) lifts it.
 */
@Entity
@Table(name = "suppression")
@IdClass(Suppression.Key.class)
class Suppression {

	/** The list key that stands for every list. */
	static final String ALL_LISTS = "*";

	/**
	 * The commune the row belongs to: set from the commune in scope, filtered by it. Part
	 * of the id, as of the table's primary key: the same address is suppressed in several
	 * communes, and an id without the commune would let a removal (or a load by id) in
	 * one commune reach the row of another.
	 */
	@Id
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@Column(name = "address_key", nullable = false, length = 320)
	private String addressKey;

	@Id
	@Column(name = "list_key", nullable = false, length = 100)
	private String listKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Reason reason;

	@Column(length = 500)
	private String detail;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Suppression() {
	}

	Suppression(String addressKey, String listKey, Reason reason, String detail, Instant createdAt) {
		this.addressKey = addressKey;
		this.listKey = listKey;
		this.reason = reason;
		this.detail = (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail;
		this.createdAt = createdAt;
	}

	String addressKey() {
		return this.addressKey;
	}

	String listKey() {
		return this.listKey;
	}

	Reason reason() {
		return this.reason;
	}

	String detail() {
		return this.detail;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	/** Why an address is suppressed. */
	enum Reason {

		/** The person left the list (or every list). */
		LEFT,

		/** The server refused the address for good, too often. */
		BOUNCED,

		/** Staff suppressed it. */
		STAFF

	}

	/** The primary key: commune, address and list. */
	record Key(Long communeId, String addressKey, String listKey) implements Serializable {

		Key() {
			this(null, null, null);
		}

	}

}
