package vn.bantin.account;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import vn.bantin.system.IssuedToken;

/**
 * A personal API token of a staff user: an {@link IssuedToken} (its label is the
 * {@code name} column) that also expires, records its last use, and keeps the first
 * characters of the secret so that the owner can tell tokens apart.
 */
@Entity
@Table(name = "api_token")
@AttributeOverride(name = "label", column = @Column(name = "name", nullable = false, length = 100))
class ApiToken extends IssuedToken {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	private StaffUser user;

	@Column(nullable = false, length = 8)
	private String prefix;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	protected ApiToken() {
	}

	ApiToken(StaffUser user, String name, String secret, Instant createdAt, Instant expiresAt) {
		super(secret, name, createdAt);
		this.user = user;
		this.prefix = secret.substring(0, ApiTokens.PREFIX_LENGTH);
		this.expiresAt = expiresAt;
	}

	StaffUser user() {
		return this.user;
	}

	@Override
	public boolean isValidAt(Instant now) {
		return super.isValidAt(now) && now.isBefore(this.expiresAt);
	}

	/** Records a use, at most once a minute, so that calls do not each write a row. */
	void used(Instant now) {
		if (this.lastUsedAt == null || !now.isBefore(this.lastUsedAt.plusSeconds(60))) {
			this.lastUsedAt = now;
		}
	}

	ApiTokens.TokenView view() {
		return new ApiTokens.TokenView(id(), label(), this.prefix, createdAt(), this.expiresAt, this.lastUsedAt,
				revokedAt());
	}

}
