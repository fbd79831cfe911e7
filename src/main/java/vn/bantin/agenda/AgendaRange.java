package vn.bantin.agenda;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import vn.bantin.content.Channel;

/**
 * What the {@link Agenda} shows for a range: the occurrences in time order, recorded ones
 * (what happened) and planned ones (what will), each with its conflicts.
 *
 * @param from the start of the range (inclusive)
 * @param to the end of the range (exclusive)
 * @param zone the commune's zone, in which the range is shown
 * @param now when it was computed: occurrences from then on are planned
 * @param entries the occurrences, by start, then slot order, then target
 */
public record AgendaRange(Instant from, Instant to, ZoneId zone, Instant now, List<AgendaEntry> entries) {

	public AgendaRange {
		entries = List.copyOf(entries);
	}

	/** The occurrences of one channel. */
	public List<AgendaEntry> of(Channel channel) {
		return this.entries.stream().filter((entry) -> entry.channel() == channel).toList();
	}

	/** How many occurrences have a conflict. */
	public long conflicts() {
		return this.entries.stream().filter(AgendaEntry::conflicted).count();
	}

}
