package vn.bantin.content;

import java.util.Locale;

/**
 * How far an administrative procedure can be done online: fully (toàn trình) or partly
 * (một phần).
 */
enum ProcedureLevel {

	FULL_ONLINE, PARTLY_ONLINE;

	/** The word used in content files and URLs, e.g. {@code full-online}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
