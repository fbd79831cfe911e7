package vn.bantin.timetable;

/**
 * Something wrong, or worth a look, in a timetable, located precisely enough to fix it.
 *
 * @param file the file relative to {@code schedules/}, or a name for timetables kept in
 * the database
 * @param line 1-based line, 0 when not from a file
 * @param column 1-based column, 0 when not from a file
 * @param message what is wrong, with a hint
 * @param warning whether it is only a warning (the timetable still works as written, e.g.
 * a radio programme longer than its slot)
 */
public record ScheduleProblem(String file, int line, int column, String message, boolean warning) {

	/**
	 * The compiler-style form {@code path:line:col: message}, with {@code warning: }
	 * before the message of a warning.
	 */
	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + ": " + (this.warning ? "warning: " : "")
				+ this.message;
	}

}
