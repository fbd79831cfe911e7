package vn.bantin.timetable;

/**
 * The timetable changed: a schedule file, or a timetable edited in the admin UI. The
 * engine re-plans the future from {@link Timetables#current()}; nothing already published
 * changes.
 *
 * @param source which part changed ({@code files}, {@code ui}, ...)
 */
public record TimetableChanged(String source) {

}
