package vn.bantin.radio;

import java.util.Locale;

/**
 * Where a slot occurrence stands for the operator, from the clock and the as-run log.
 */
enum OccurrenceState {

	/** It starts later. */
	TO_COME,
	/** Its time has come and nothing has aired yet, but it is not missed yet. */
	DUE,
	/** Something of it aired (played in full or interrupted). */
	PLAYED,
	/**
	 * Its time passed ({@link AsRunLog#missedAt}) and nothing aired in its zone.
	 */
	MISSED;

	/** The lower-case key used in JSON, CSV and CSS classes. */
	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
