package vn.bantin.mailing;

/** Where a mailing stands. */
enum MailingStatus {

	/** Its deliveries are being sent. */
	RUNNING,

	/**
	 * A person paused it, or the workers held it because an item it carries is no longer
	 * approved as it was (its hold says which): its deliveries are not claimed until it
	 * is resumed.
	 */
	PAUSED,

	/** No delivery is pending, claimed, sending or waiting for a retry. */
	COMPLETED,

	/**
	 * A person cancelled it: the deliveries not sent by then were skipped, and nothing
	 * more goes out.
	 */
	CANCELLED

}
