package vn.bantin.radio;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The secret of one current-playlist URL: who may fetch the radio's current playlist and
 * its audio without signing in (a player, an IP-speaker system). Only the secret's
 * SHA-256 hash is stored.
 */
@Entity
@Table(name = "radio_token")
class RadioToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "token_hash", nullable = false, length = 64)
	private String tokenHash;

	@Column(nullable = false, length = 100)
	private String label;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected RadioToken() {
	}

	RadioToken(String tokenHash, String label, String createdBy, Instant createdAt) {
		this.tokenHash = tokenHash;
		this.label = label;
		this.createdBy = createdBy;
		this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
	}

	Long getId() {
		return this.id;
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

	/** Its URLs stop working; revoking twice keeps the first time. */
	void revoke(Instant at) {
		if (this.revokedAt == null) {
			this.revokedAt = at.truncatedTo(ChronoUnit.MICROS);
		}
	}

}
