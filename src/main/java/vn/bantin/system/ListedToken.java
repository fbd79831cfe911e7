package vn.bantin.system;

import java.time.Instant;

/**
 * A token as a list shows it, never its secret: what the admin fragment
 * {@code admin/tokens :: list} reads of every kind.
 */
public interface ListedToken {

	long id();

	String label();

	Instant createdAt();

	Instant revokedAt();

	default boolean revoked() {
		return revokedAt() != null;
	}

	/** Whether it may still be used (and so revoked) at {@code now}. */
	default boolean usableAt(Instant now) {
		return !revoked();
	}

}
