package vn.bantin.mailing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import vn.bantin.content.ItemStatus;
import vn.bantin.content.ItemView;

/**
 * Whether an item may be carried by a letter: approved or published, and (for a mailing
 * that recorded which approval it carries) with that same approval. An edit sends an item
 * back to approval, and a new approval has a new instant, so the instant of the approval
 * tells one approved version from the next.
 */
final class Approval {

	private Approval() {
	}

	/** Whether the item is approved or published now. */
	static boolean approved(ItemView item) {
		return (item.status() == ItemStatus.APPROVED || item.status() == ItemStatus.PUBLISHED)
				&& item.approvedAt() != null;
	}

	/**
	 * Whether the item is approved or published now with the approval a mailing recorded
	 * ({@code carried}, its approved-at then).
	 */
	static boolean carries(ItemView item, Instant carried) {
		return approved(item) && carried != null
				&& item.approvedAt().truncatedTo(ChronoUnit.MICROS).equals(carried.truncatedTo(ChronoUnit.MICROS));
	}

}
