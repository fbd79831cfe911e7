package vn.bantin.timetable;

import vn.bantin.system.CurrentCommune;

/**
 * The timetable of a commune changed: a schedule file, or a timetable edited in the admin
 * UI. The engine re-plans that commune's future from {@link Timetables#current()} in its
 * scope; nothing already published changes, and no other commune is touched.
 *
 * @param source which part changed ({@code files}, {@code ui}, ...)
 * @param commune the id of the commune whose timetable changed
 * @param elsewhere whether the change was made on another node, which re-planned the
 * shared scheduler already: this node only took the part into what it keeps in memory
 */
public record TimetableChanged(String source, long commune, boolean elsewhere) {

	/** A change made on this node. */
	public TimetableChanged(String source, long commune) {
		this(source, commune, false);
	}

	/** A change in the default commune (a single-commune deployment). */
	public TimetableChanged(String source) {
		this(source, CurrentCommune.DEFAULT);
	}

}
