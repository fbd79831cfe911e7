package vn.bantin.radio;

/**
 * What a console or a player reports about one playlist entry, as it arrives (strings, so
 * that a wrong value is refused naming its field rather than failing to parse).
 *
 * @param eventId the client's id of this report; a report sent again with the same id is
 * recorded once
 * @param occurrenceId the occurrence, e.g. {@code ban-tin-sang_all_20261130T060000}
 * @param position the entry's 1-based place in the playlist
 * @param itemId the item, null for a jingle (taken from the playlist when left out)
 * @param title what played (taken from the playlist when left out)
 * @param source jingle, recorded, synthetic, script or live (taken from the playlist when
 * left out)
 * @param start when it really started: an ISO-8601 instant or date-time with offset
 * @param end when it really ended, not before {@code start}
 * @param outcome played, interrupted or skipped
 * @param reason why it was skipped (required for skipped)
 * @param origin for API calls: api (default) or player
 */
record AsRunEvent(String eventId, String occurrenceId, Integer position, String itemId, String title, String source,
		String start, String end, String outcome, String reason, String origin) {
}
