package vn.bantin.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

/**
 * What every secret Bản tin hands out has in common (personal API tokens, calendar feeds,
 * current-playlist URLs): the SHA-256 hash of the secret ({@link Secrets#sha256}), never
 * the secret; a label saying what it is for; when it was created and revoked. Each kind
 * keeps its own table (a subclass adds what only it has), so that the rows stored before
 * this class existed are read as they are.
 */
@MappedSuperclass
public abstract class IssuedToken {

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "token_hash", nullable = false, length = 64)
	private String tokenHash;

	@Column(nullable = false, length = 100)
	private String label;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected IssuedToken() {
	}

	/**
	 * @param secret the new secret, of which only the hash is kept
	 * ({@link IssuedTokens#hash})
	 */
	protected IssuedToken(String secret, String label, Instant createdAt) {
		this.tokenHash = IssuedTokens.hash(secret);
		this.label = label;
		this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
	}

	public Long id() {
		return this.id;
	}

	public String label() {
		return this.label;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant revokedAt() {
		return this.revokedAt;
	}

	/**
	 * Whether the secret may be used at {@code now}: until revoked, unless a kind says
	 * more.
	 */
	public boolean isValidAt(Instant now) {
		return this.revokedAt == null;
	}

	/**
	 * The secret stops working; revoking twice keeps the first time.
	 * @return whether it was revoked now (not before)
	 */
	public boolean revoke(Instant at) {
		if (this.revokedAt != null) {
			return false;
		}
		this.revokedAt = at.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

}
