package vn.bantin.radio;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import vn.bantin.content.Channel;
import vn.bantin.content.Priority;
import vn.bantin.content.TestItems;
import vn.bantin.publishing.Publications;

/**
 * Radio occurrences for the console's tests, made as the scheduler makes them: an
 * approved radio item, and its publication recorded for a slot occurrence (so that the
 * agenda, hence the playlists, show it as recorded).
 */
final class RadioFixture {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final AtomicInteger counter = new AtomicInteger();

	private final TestItems items;

	private final Publications publications;

	RadioFixture(TestItems items, Publications publications) {
		this.items = items;
		this.publications = publications;
	}

	/** An instant from a wall-clock time in the commune. */
	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	/** The id of the whole-commune occurrence of a slot at a local time. */
	static String occurrenceId(String slot, String localDateTime) {
		return new Playlists.Key(slot, "*", at(localDateTime)).id(ZONE);
	}

	/** An approved radio item read from its script. */
	String item(String title, String script) {
		String id = "radio-console-" + counter.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
		return this.items.approved(id, title, List.of(), List.of(), Priority.NORMAL, List.of(Channel.RADIO), script);
	}

	/** Records an occurrence of a slot for the whole commune with these items. */
	String occurrence(String slot, String localDateTime, String... itemIds) {
		for (String itemId : itemIds) {
			this.publications.record(itemId, Channel.RADIO, "*", at(localDateTime),
					new Publications.Origin(slot, null));
		}
		return occurrenceId(slot, localDateTime);
	}

}
