package vn.bantin.agenda;

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

import vn.bantin.content.Channel;

/**
 * The secret of one calendar feed: who may read a channel's agenda as iCalendar without
 * signing in. Only the secret's SHA-256 hash is stored.
 */
@Entity
@Table(name = "calendar_token")
class CalendarToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "token_hash", nullable = false, length = 64)
	private String tokenHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Channel channel;

	@Column(nullable = false, length = 100)
	private String label;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected CalendarToken() {
	}

	CalendarToken(String tokenHash, Channel channel, String label, String createdBy, Instant createdAt) {
		this.tokenHash = tokenHash;
		this.channel = channel;
		this.label = label;
		this.createdBy = createdBy;
		this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
	}

	Long getId() {
		return this.id;
	}

	Channel getChannel() {
		return this.channel;
	}

	String getLabel() {
		return this.label;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	/** Its URL stops working; revoking twice keeps the first time. */
	void revoke(Instant at) {
		if (this.revokedAt == null) {
			this.revokedAt = at.truncatedTo(ChronoUnit.MICROS);
		}
	}

}
