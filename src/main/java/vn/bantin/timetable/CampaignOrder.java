package vn.bantin.timetable;

/**
 * How a campaign orders the items of one occurrence, after priority (emergency, then
 * priority, then normal items always come first).
 */
public enum CampaignOrder {

	/** Released earliest first. */
	OLDEST,

	/** Released latest first. */
	NEWEST,

	/**
	 * Across the campaign's themes in turn, one theme after the other from occurrence to
	 * occurrence; inside a theme, the item aired least so far first, then the oldest.
	 */
	ROUND_ROBIN;

	/** The word used in timetable files, e.g. {@code round-robin}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
