package vn.bantin.content;

import java.util.Locale;

/**
 * Where an item is in its life: drafted and submitted by an editor, approved or rejected
 * by an approver, published by the scheduler, then expired or archived. Nothing goes out
 * before approval.
 */
public enum ItemStatus {

	DRAFT, SUBMITTED, APPROVED, REJECTED, PUBLISHED, EXPIRED, ARCHIVED;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
