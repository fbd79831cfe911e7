package vn.bantin.timetable;

/** When a slot's occurrences happen and what they carry. */
public enum SlotKind {

	/**
	 * At the times of its {@link Recurrence}; the items are those its campaigns choose
	 * (radio programmes, timed emails).
	 */
	TIMED,

	/**
	 * At each item's own release time ({@link vn.bantin.content.ItemView#releaseAt()}):
	 * every item on the slot's channel, once (web pages, feeds, email "on publish").
	 */
	ON_PUBLISH,

	/**
	 * At the times of its {@link Recurrence}, gathering every item on the slot's channel
	 * released since the slot's previous occurrence (a weekly email digest).
	 */
	DIGEST;

	/** The word used in timetable files, e.g. {@code on-publish}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
