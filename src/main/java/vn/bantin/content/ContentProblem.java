package vn.bantin.content;

/**
 * Something wrong in a content file, located precisely enough to fix it.
 *
 * @param file path relative to the content folder
 * @param line 1-based line in the file
 * @param column 1-based column
 * @param message what is wrong, with a hint
 */
public record ContentProblem(String file, int line, int column, String message) {

	/**
	 * The compiler-style form {@code path:line:col: message}, understood by editors and
	 * CI logs.
	 */
	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + ": " + this.message;
	}

}
