package vn.bantin.schedule;

import java.util.TreeSet;
import vn.bantin.timetable.Recurrence;
import vn.bantin.timetable.Slot;

import vn.bantin.system.Secrets;

/**
 * A stable hash of what decides when a slot occurs and where it goes (channel, kind,
 * recurrence, length, zones, list), kept with its trigger: when the timetable changes, a
 * slot with the same hash keeps its trigger (so an occurrence missed while down still
 * catches up), another gets a new one. Sets are sorted, so the hash is the same in every
 * JVM.
 */
final class SlotDefinition {

	private SlotDefinition() {
	}

	static String hash(Slot slot) {
		Recurrence r = slot.recurrence();
		StringBuilder text = new StringBuilder().append(slot.channel())
			.append('|')
			.append(slot.kind())
			.append('|')
			.append(slot.length())
			.append('|')
			.append(new TreeSet<>(slot.zones()))
			.append('|')
			.append(slot.list());
		if (r != null) {
			text.append('|')
				.append(r.times())
				.append('|')
				.append(new TreeSet<>(r.days()))
				.append('|')
				.append(r.everyWeeks())
				.append('|')
				.append(r.anchor())
				.append('|')
				.append(new TreeSet<>(r.dates()))
				.append('|')
				.append(r.ranges())
				.append('|')
				.append(new TreeSet<>(r.excluded()))
				.append('|')
				.append(r.cron());
		}
		return Secrets.sha256(text.toString()).substring(0, 24);
	}

}
