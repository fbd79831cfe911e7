package vn.bantin.mailing;

/** Where a mailing stands. */
public enum MailingStatus {

	/** Its deliveries are being sent. */
	RUNNING,

	/** A person paused it: its deliveries are not claimed until it is resumed. */
	PAUSED,

	/** No delivery is pending, claimed, sending or waiting for a retry. */
	COMPLETED

}
