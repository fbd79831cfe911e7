package vn.bantin.schedule;

/**
 * An item cannot be put out now: it does not exist, or it is not approved (or published)
 * and live.
 */
class PublishNowRefused extends RuntimeException {

	private final String itemId;

	private final boolean unknown;

	PublishNowRefused(String itemId, boolean unknown, String message) {
		super(message);
		this.itemId = itemId;
		this.unknown = unknown;
	}

	/** The item asked for. */
	public String itemId() {
		return this.itemId;
	}

	/** Whether there is no such item (rather than one that may not go out). */
	public boolean unknown() {
		return this.unknown;
	}

	/** The message key that explains the refusal in the admin UI and the API. */
	public String messageKey() {
		return this.unknown ? "engine.publish-now.unknown" : "engine.publish-now.not-releasable";
	}

}
