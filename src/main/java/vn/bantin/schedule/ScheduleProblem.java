package vn.bantin.schedule;

/**
 * Something wrong (or worth a look) in a timetable file, located precisely enough to fix
 * it.
 *
 * @param file path relative to the schedules folder
 * @param line 1-based line in the file
 * @param column 1-based column
 * @param message what is wrong, naming the field, with a hint
 * @param warning {@code true} when the timetable still works as written (e.g. a radio
 * programme longer than its slot); {@code false} for an error that kept an entry from
 * loading or makes it wrong
 */
public record ScheduleProblem(String file, int line, int column, String message, boolean warning) {

	/**
	 * The compiler-style form {@code path:line:col: message}, with {@code warning: }
	 * before the message of a warning; understood by editors and CI logs.
	 */
	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + ": " + (this.warning ? "warning: " : "")
				+ this.message;
	}

}
