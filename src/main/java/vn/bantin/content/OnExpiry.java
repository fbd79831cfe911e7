package vn.bantin.content;

import java.util.Locale;

/**
 * What residents still see of an item once it has expired. By default it leaves the
 * current lists and feeds but stays in the site's archive, marked as no longer in force:
 * a commune's notices are a public record. A notice that must not linger (a wrong number,
 * a cancelled meeting) is removed from the site altogether.
 */
public enum OnExpiry {

	/** Kept in the archive and on its own page, marked expired. */
	ARCHIVE,

	/** Gone from the site: its page answers "not found". */
	REMOVE;

	/** The word used in content files, forms and the API. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
