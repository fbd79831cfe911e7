package vn.bantin.content;

/**
 * An approval of a revision that is no longer the item's current one: the item changed
 * after the approver opened it. The approver must look at the changes and approve again.
 */
class ItemChangedSinceSeen extends RuntimeException {

	private final String itemId;

	private final int seen;

	private final int current;

	ItemChangedSinceSeen(String itemId, int seen, int current) {
		super("Item " + itemId + " is at revision " + current + ", the approver saw revision " + seen);
		this.itemId = itemId;
		this.seen = seen;
		this.current = current;
	}

	int seen() {
		return this.seen;
	}

	int current() {
		return this.current;
	}

	/** The page that shows what changed between the revision seen and the current one. */
	String diffPath() {
		return "/admin/items/" + this.itemId + "/revisions?number=" + this.current + "&since=" + this.seen;
	}

}
