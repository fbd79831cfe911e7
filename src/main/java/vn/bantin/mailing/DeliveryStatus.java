package vn.bantin.mailing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where one recipient's delivery of a mailing stands. */
enum DeliveryStatus {

	/** Waiting to be sent. */
	PENDING,

	/** Taken by a worker, not attempted yet. */
	CLAIMED,

	/** Handed to the server; its answer is not stored yet. */
	SENDING,

	/** The server accepted it. */
	SENT,

	/** A temporary failure: tried again at its next attempt time. */
	RETRY,

	/** Refused for good (or too many temporary failures); the last answer says why. */
	FAILED,

	/**
	 * The server may or may not have taken it (no answer after the data, or a crash while
	 * sending): never sent again by itself; a person decides.
	 */
	UNCERTAIN,

	/** The recipient no longer received the list when its turn came. */
	SKIPPED;

	/** The statuses that keep a mailing from being completed. */
	public static final Set<DeliveryStatus> OPEN = EnumSet.of(PENDING, CLAIMED, SENDING, RETRY);

	/** The word used in URLs and JSON, e.g. {@code uncertain}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status with this word (any case), or null when there is none. */
	public static DeliveryStatus of(String word) {
		if (word == null || word.isBlank()) {
			return null;
		}
		for (DeliveryStatus status : values()) {
			if (status.key().equalsIgnoreCase(word.strip())) {
				return status;
			}
		}
		return null;
	}

}
