package vn.bantin.radio;

import java.util.Locale;

/** How a playlist entry went out, as the as-run log records it. */
enum AsRunOutcome {

	/** Played in full. */
	PLAYED,
	/** Stopped before its end. */
	INTERRUPTED,
	/** Not played, or cut short on purpose; a reason is required. */
	SKIPPED;

	/** The outcome named by a client (any case), or null when unknown. */
	static AsRunOutcome of(String name) {
		if (name == null) {
			return null;
		}
		for (AsRunOutcome outcome : values()) {
			if (outcome.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
				return outcome;
			}
		}
		return null;
	}

	/** Whether something went out on the speakers (what saves a slot from MISSED). */
	boolean aired() {
		return this != SKIPPED;
	}

	/** The lower-case key used in JSON and CSV. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
