package vn.bantin.content;

/**
 * An approval by the person who made the item's current revision, while four-eyes is on
 * ({@link WorkflowSettings#fourEyes()}): a second person must approve it.
 */
class FourEyesRefused extends RuntimeException {

	FourEyesRefused(String itemId, String approver) {
		super(approver + " made the current revision of item " + itemId + " and may not approve it");
	}

}
