package vn.bantin.content;

import java.util.Locale;

/**
 * Where an item goes out. An item goes to all of them unless its author narrows the list.
 */
public enum Channel {

	WEB, FEED, EMAIL, RADIO;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
