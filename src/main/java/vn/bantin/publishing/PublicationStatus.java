package vn.bantin.publishing;

/** Where a publication stands. */
public enum PublicationStatus {

	/** Recorded when its slot fired, not decided yet. */
	PLANNED,

	/** Decided to go out now. */
	DUE,

	/** Gone out. */
	PUBLISHED,

	/** Too late to go out by itself: waits for an editor's confirmation. */
	AWAITING_CONFIRMATION,

	/** Too late to go out at all. */
	MISSED,

	/** Could not go out. */
	FAILED

}
