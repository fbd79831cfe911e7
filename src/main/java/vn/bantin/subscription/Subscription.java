package vn.bantin.subscription;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A subscriber on one list, with how they came to be on it. */
@Entity
@Table(name = "subscription")
class Subscription {

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscriber_id", nullable = false)
	private long subscriberId;

	@Column(name = "list_key", nullable = false, length = 100)
	private String listKey;

	@Column(length = 300)
	private String source;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Subscription() {
	}

	Subscription(long subscriberId, String listKey, String source, Instant createdAt) {
		this.subscriberId = subscriberId;
		this.listKey = listKey;
		this.source = source;
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	long subscriberId() {
		return this.subscriberId;
	}

	String listKey() {
		return this.listKey;
	}

	String source() {
		return this.source;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
