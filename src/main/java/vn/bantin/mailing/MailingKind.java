package vn.bantin.mailing;

/** Why a mailing was made. */
enum MailingKind {

	/** An item published to a list whose slot sends on publish. */
	ON_PUBLISH,

	/** A digest occurrence: every item of it in one mail. */
	DIGEST,

	/** A person sent an item now (admin or API). */
	MANUAL

}
