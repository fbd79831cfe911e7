package vn.bantin.agenda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import vn.bantin.content.Channel;
import vn.bantin.timetable.Slot;

/**
 * Finds what is wrong in an agenda: two radio occurrences that play at the same time on a
 * zone they share ({@link Slot#ALL}, the whole commune, shares every zone), and
 * occurrences whose items' estimated air time overruns the slot's length.
 */
final class Conflicts {

	private Conflicts() {
	}

	/**
	 * The entries with their conflicts marked.
	 * @param entries sorted by start
	 */
	static List<AgendaEntry> mark(List<AgendaEntry> entries) {
		List<List<AgendaEntry.Conflict>> found = new ArrayList<>();
		entries.forEach((entry) -> found.add(new ArrayList<>()));
		for (int i = 0; i < entries.size(); i++) {
			AgendaEntry one = entries.get(i);
			if (one.channel() != Channel.RADIO || !one.end().isAfter(one.start())) {
				continue;
			}
			// sorted by start: only later entries starting before this one ends overlap
			for (int j = i + 1; j < entries.size() && entries.get(j).start().isBefore(one.end()); j++) {
				AgendaEntry other = entries.get(j);
				if (other.channel() == Channel.RADIO && other.end().isAfter(other.start())
						&& other.end().isAfter(one.start()) && shareZone(one.target(), other.target())) {
					found.get(i).add(overlap(other));
					found.get(j).add(overlap(one));
				}
			}
		}
		List<AgendaEntry> marked = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			AgendaEntry entry = entries.get(i);
			Duration length = Duration.between(entry.start(), entry.end());
			Duration over = entry.estimated().minus(length);
			if (!length.isZero() && over.compareTo(Duration.ZERO) > 0) {
				found.get(i)
					.add(new AgendaEntry.Conflict(AgendaEntry.Conflict.Kind.OVERFLOW, null, null, null, null, over));
			}
			marked.add(found.get(i).isEmpty() ? entry : entry.withConflicts(found.get(i)));
		}
		return marked;
	}

	private static boolean shareZone(String one, String other) {
		return Slot.ALL.equals(one) || Slot.ALL.equals(other) || one.equals(other);
	}

	private static AgendaEntry.Conflict overlap(AgendaEntry other) {
		return new AgendaEntry.Conflict(AgendaEntry.Conflict.Kind.OVERLAP, other.slot(), other.slotName(),
				other.target(), other.start(), Duration.ZERO);
	}

}
