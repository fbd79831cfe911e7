package vn.bantin.content;

import java.util.Locale;

/**
 * Where an item is in its life: drafted and submitted by an editor, approved or rejected
 * by an approver, published when its first channel took it, archived when withdrawn.
 * Nothing goes out before approval.
 * <p>
 * Expiry is no status: an item is out of force from its {@code expireAt} on (see
 * {@link ItemView#liveAt}), whatever its status, so that it needs no job to flip it at
 * the right instant and cannot be seen a moment too long if such a job were late.
 */
public enum ItemStatus {

	DRAFT, SUBMITTED, APPROVED, REJECTED, PUBLISHED, ARCHIVED;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
