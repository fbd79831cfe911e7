package vn.bantin.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A personal API token of a staff user. Only the SHA-256 hash of its secret is kept, and
 * the first characters of the secret so that the owner can tell tokens apart.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	private StaffUser user;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(name = "token_hash", nullable = false, unique = true, length = 64)
	private String tokenHash;

	@Column(nullable = false, length = 8)
	private String prefix;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(StaffUser user, String name, String tokenHash, String prefix, Instant createdAt, Instant expiresAt) {
		this.user = user;
		this.name = name;
		this.tokenHash = tokenHash;
		this.prefix = prefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long id() {
		return this.id;
	}

	StaffUser user() {
		return this.user;
	}

	/** Whether the token may be used at {@code now}. */
	boolean isValidAt(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	/** Records a use, at most once a minute, so that calls do not each write a row. */
	void used(Instant now) {
		if (this.lastUsedAt == null || !now.isBefore(this.lastUsedAt.plusSeconds(60))) {
			this.lastUsedAt = now;
		}
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	ApiTokens.TokenView view() {
		return new ApiTokens.TokenView(this.id, this.name, this.prefix, this.createdAt, this.expiresAt, this.lastUsedAt,
				this.revokedAt);
	}

}
