package vn.bantin.radio;

import java.util.Locale;

/** Who reported an as-run entry. */
enum AsRunOrigin {

	/** The operator's console in the browser. */
	CONSOLE,
	/** A program calling the JSON API. */
	API,
	/** An external player (an IP-speaker system, a PC player) calling the JSON API. */
	PLAYER;

	/** The origin named by a client (any case), or null when unknown. */
	static AsRunOrigin of(String name) {
		if (name == null) {
			return null;
		}
		for (AsRunOrigin origin : values()) {
			if (origin.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
				return origin;
			}
		}
		return null;
	}

	/** The lower-case key used in JSON and CSV. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
