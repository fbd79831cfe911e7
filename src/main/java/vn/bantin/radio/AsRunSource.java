package vn.bantin.radio;

import java.util.Locale;

/**
 * Where the sound of a logged entry came from: the playlist's sources, and {@code LIVE}
 * for what an external player or the operator put out that no playlist names (a live
 * announcement).
 */
enum AsRunSource {

	/** A jingle file. */
	JINGLE,
	/** A processed recording. */
	RECORDED,
	/** Synthetic speech. */
	SYNTHETIC,
	/** A script read aloud by the operator. */
	SCRIPT,
	/** Live sound with no playlist entry behind it. */
	LIVE;

	/** The source named by a client (any case), or null when unknown. */
	static AsRunSource of(String name) {
		if (name == null) {
			return null;
		}
		for (AsRunSource source : values()) {
			if (source.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
				return source;
			}
		}
		return null;
	}

	/** The source of a playlist entry. */
	static AsRunSource of(Playlist.Source source) {
		return valueOf(source.name());
	}

	/** The lower-case key used in JSON and CSV. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
