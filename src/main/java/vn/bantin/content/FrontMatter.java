package vn.bantin.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.bantin.system.YamlFields;
import vn.bantin.text.VietnameseText;

/**
 * Reads a content file: YAML front matter between {@code ---} lines, then a Markdown
 * body.
 *
 * <p>
 * Reading collects every problem it finds rather than stopping at the first, and locates
 * each by line and column in the file (not in the front matter) and by field name, with a
 * hint, so that an author can fix all of them in one go. Values are typed as they are
 * read ({@link YamlFields}); a value that is missing or malformed yields {@code null} (or
 * an empty list) and a problem.
 */
final class FrontMatter {

	/** Stable ids and keys: lower-case ASCII letters, digits and '-'. */
	static final java.util.regex.Pattern ID = YamlFields.ID;

	/**
	 * Problems are located from the line after the opening '---' (YAML marks are
	 * 0-based).
	 */
	private static final int FRONT_MATTER_OFFSET = 2;

	private final String path;

	private final List<ContentProblem> problems = new ArrayList<>();

	private YamlFields root;

	private String body = "";

	private FrontMatter(String path) {
		this.path = path;
	}

	/**
	 * Splits and parses a file.
	 * @param path the file's path as reported in problems
	 * @param source the file's text
	 * @param known the top-level fields allowed
	 */
	static FrontMatter read(String path, String source, Set<String> known) {
		FrontMatter file = new FrontMatter(path);
		String text = VietnameseText.nfc(source.replace("\r\n", "\n")).replaceFirst("^\uFEFF", "");
		if (!text.startsWith("---\n")) {
			file.problem(1, 1, "the file must start with a '---' line opening the YAML front matter");
			return file;
		}
		int end = text.indexOf("\n---", 3);
		if (end < 0) {
			file.problem(1, 1, "the front matter opened on line 1 is never closed by a '---' line");
			return file;
		}
		String yaml = text.substring(4, end + 1);
		int bodyStart = text.indexOf('\n', end + 1);
		file.body = (bodyStart < 0) ? "" : text.substring(bodyStart + 1).strip();
		file.root = YamlFields
			.parse(yaml, FRONT_MATTER_OFFSET, known, file::problem,
					"the front matter must be a set of 'field: value' lines")
			.orElse(null);
		return file;
	}

	/** The top-level fields, or empty when the file could not be parsed at all. */
	Optional<YamlFields> fields() {
		return Optional.ofNullable(this.root);
	}

	String body() {
		return this.body;
	}

	List<ContentProblem> problems() {
		return List.copyOf(this.problems);
	}

	boolean hasProblems() {
		return !this.problems.isEmpty();
	}

	void problem(int line, int column, String message) {
		this.problems.add(new ContentProblem(this.path, line, column, message));
	}

}
