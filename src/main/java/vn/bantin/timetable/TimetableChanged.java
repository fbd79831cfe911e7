package vn.bantin.timetable;

import vn.bantin.system.CurrentCommune;

/**
 * The timetable of a commune changed: a schedule file, or a timetable edited in the admin
 * UI. The engine re-plans that commune's future from {@link Timetables#current()} in its
 * scope; nothing already published changes, and no other commune is touched.
 *
 * @param source which part changed ({@code files}, {@code ui}, ...)
 * @param commune the id of the commune whose timetable changed
 */
public record TimetableChanged(String source, long commune) {

	/** A change in the default commune (a single-commune deployment). */
	public TimetableChanged(String source) {
		this(source, CurrentCommune.DEFAULT);
	}

}
