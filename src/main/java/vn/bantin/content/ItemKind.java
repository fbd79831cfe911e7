package vn.bantin.content;

import java.util.Locale;

/**
 * What an item is; it decides which details it carries.
 */
public enum ItemKind {

	NEWS, ANNOUNCEMENT, PROCEDURE, DOCUMENT;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
