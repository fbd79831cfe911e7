package vn.bantin.content;

import java.util.Locale;

/**
 * Whether an administrative procedure still applies.
 */
public enum ProcedureStatus {

	IN_FORCE, AMENDED, REPEALED;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
