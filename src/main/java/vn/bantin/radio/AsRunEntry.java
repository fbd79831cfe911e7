package vn.bantin.radio;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the as-run log: an entry of an occurrence's playlist as it really went out.
 *
 * @param id the row's id
 * @param eventId the client's id of the report
 * @param occurrenceId the occurrence
 * @param slot the occurrence's slot
 * @param target the zone, {@code *} for the whole commune
 * @param occurrenceStart when the occurrence was to start
 * @param position the entry's place in the playlist
 * @param itemId the item, null for a jingle
 * @param title what played
 * @param source where its sound came from
 * @param start when it really started
 * @param end when it really ended
 * @param outcome how it went out
 * @param reason why it was skipped, else null
 * @param by who played it (the signed-in user or the API token's user)
 * @param origin who reported it
 * @param recordedAt when the log received it
 */
record AsRunEntry(long id, String eventId, String occurrenceId, String slot, String target, Instant occurrenceStart,
		int position, String itemId, String title, AsRunSource source, Instant start, Instant end, AsRunOutcome outcome,
		String reason, String by, AsRunOrigin origin, Instant recordedAt) {

	/** How long it played. */
	Duration duration() {
		return Duration.between(this.start, this.end);
	}

}
