package vn.bantin.subscription;

import java.time.Instant;
import java.util.Locale;

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
 * A person who receives email lists, identified by their address (compared without case).
 * Pending until they confirm; then confirmed; left when they leave every list.
 */
@Entity
@Table(name = "subscriber")
class Subscriber {

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 320)
	private String address;

	@Column(name = "address_key", nullable = false, length = 320)
	private String addressKey;

	@Column(length = 200)
	private String name;

	@Column(length = 200)
	private String village;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status status;

	@Column(name = "consent_source", length = 300)
	private String consentSource;

	@Column(name = "consent_at")
	private Instant consentAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "confirmation_sent_at")
	private Instant confirmationSentAt;

	@Column(name = "confirmed_at")
	private Instant confirmedAt;

	@Column(name = "left_at")
	private Instant leftAt;

	@Column(nullable = false)
	private int bounces;

	@Column(name = "last_bounce", length = 500)
	private String lastBounce;

	@Version
	@Column(nullable = false)
	private long version;

	protected Subscriber() {
	}

	Subscriber(String address, String name, String village, Status status, Instant createdAt) {
		this.address = address;
		this.addressKey = key(address);
		this.name = name;
		this.village = village;
		this.status = status;
		this.createdAt = createdAt;
	}

	/** The identity of an address: lower case (the root locale), trimmed. */
	static String key(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	Long id() {
		return this.id;
	}

	String address() {
		return this.address;
	}

	String addressKey() {
		return this.addressKey;
	}

	String name() {
		return this.name;
	}

	String village() {
		return this.village;
	}

	Status status() {
		return this.status;
	}

	String consentSource() {
		return this.consentSource;
	}

	Instant consentAt() {
		return this.consentAt;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant confirmationSentAt() {
		return this.confirmationSentAt;
	}

	Instant confirmedAt() {
		return this.confirmedAt;
	}

	Instant leftAt() {
		return this.leftAt;
	}

	int bounces() {
		return this.bounces;
	}

	String lastBounce() {
		return this.lastBounce;
	}

	void rename(String name, String village) {
		this.name = name;
		this.village = village;
	}

	/** Consent given (by the person confirming, or recorded by staff with its source). */
	void consented(String source, Instant at) {
		this.status = Status.CONFIRMED;
		this.consentSource = source;
		this.consentAt = at;
		if (this.confirmedAt == null) {
			this.confirmedAt = at;
		}
		this.leftAt = null;
	}

	void confirmationSent(Instant at) {
		this.confirmationSentAt = at;
	}

	void left(Instant at) {
		this.status = Status.LEFT;
		this.leftAt = at;
	}

	/** Counts a bounce; returns the bounces so far. */
	int bounced(String answer) {
		this.bounces++;
		this.lastBounce = (answer != null && answer.length() > 500) ? answer.substring(0, 500) : answer;
		return this.bounces;
	}

	/** Where a subscriber stands. */
	enum Status {

		/** Signed up, not confirmed: only the one confirmation mail is ever sent. */
		PENDING,

		/** Receives the lists they are on. */
		CONFIRMED,

		/** Left every list. */
		LEFT

	}

}
