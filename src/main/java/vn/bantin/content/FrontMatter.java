package vn.bantin.content;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import vn.bantin.text.VietnameseText;

/**
 * Reads a content file: YAML front matter between {@code ---} lines, then a Markdown
 * body.
 *
 * <p>
 * Reading collects every problem it finds rather than stopping at the first, and locates
 * each by line and column in the file (not in the front matter) and by field name, with a
 * hint, so that an author can fix all of them in one go. Values are typed as they are
 * read ({@link Fields}); a value that is missing or malformed yields {@code null} (or an
 * empty list) and a problem.
 */
final class FrontMatter {

	/** Stable ids and keys: lower-case ASCII letters, digits and '-'. */
	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?");

	/**
	 * Problems are located from the line after the opening '---' (YAML marks are
	 * 0-based).
	 */
	private static final int FRONT_MATTER_OFFSET = 2;

	private final String path;

	private final List<ContentProblem> problems = new ArrayList<>();

	private Fields root;

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
		Node node;
		try {
			node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			file.problem(mark,
					"bad YAML: " + ex.getProblem() + " (check indentation and quote values containing ': ' or '#')");
			return file;
		}
		if (!(node instanceof MappingNode mapping)) {
			file.problem(2, 1, "the front matter must be a set of 'field: value' lines");
			return file;
		}
		file.root = file.new Fields(mapping, known, "");
		return file;
	}

	/** The top-level fields, or empty when the file could not be parsed at all. */
	Optional<Fields> fields() {
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

	void problem(Mark mark, String message) {
		problem(mark.getLine() + FRONT_MATTER_OFFSET, mark.getColumn() + 1, message);
	}

	/**
	 * The fields of one YAML mapping, by name. Unknown names are reported when the
	 * mapping is read.
	 */
	final class Fields {

		private final MappingNode node;

		private final String prefix;

		private final Map<String, Node> values = new LinkedHashMap<>();

		Fields(MappingNode node, Set<String> known, String prefix) {
			this.node = node;
			this.prefix = prefix;
			for (NodeTuple tuple : node.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					FrontMatter.this.problem(tuple.getKeyNode().getStartMark(), "a field name must be a plain word");
					continue;
				}
				if (!known.contains(key.getValue())) {
					FrontMatter.this.problem(key.getStartMark(), "unknown field '" + prefix + key.getValue()
							+ "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
					continue;
				}
				this.values.put(key.getValue(), tuple.getValueNode());
			}
		}

		boolean has(String name) {
			return this.values.containsKey(name);
		}

		/**
		 * Where the field's value starts, or where this mapping starts when it is absent.
		 */
		Mark mark(String name) {
			Node value = this.values.get(name);
			return (value != null) ? value.getStartMark() : this.node.getStartMark();
		}

		/**
		 * Reports a problem on the field's value; {@code message} follows the field's
		 * name, e.g. {@code ": 'x' is not a date"} or {@code " is empty"}.
		 */
		void problem(String name, String message) {
			FrontMatter.this.problem(mark(name), "field '" + this.prefix + name + "'" + message);
		}

		/** A single text value, at most {@code maxLength} characters, or null. */
		String text(String name, boolean required, int maxLength) {
			Node value = this.values.get(name);
			if (value == null) {
				if (required) {
					FrontMatter.this.problem(this.node.getStartMark(), "missing field '" + this.prefix + name + "'");
				}
				return null;
			}
			if (!(value instanceof ScalarNode scalar)) {
				problem(name, ": expected a single value");
				return null;
			}
			String text = scalar.getValue().strip();
			if (text.isEmpty()) {
				if (required) {
					problem(name, " is empty");
				}
				return null;
			}
			if (text.length() > maxLength) {
				problem(name, " has " + text.length() + " characters; at most " + maxLength + " are allowed");
				return null;
			}
			return text;
		}

		/** A stable id or key (lower-case letters, digits, '-'). */
		String id(String name, boolean required) {
			String id = text(name, required, 100);
			if (id != null && !ID.matcher(id).matches()) {
				problem(name, ": '" + id + "' must be lower-case letters, digits and '-' (e.g. ke-hoach-cchc-2023)");
				return null;
			}
			return id;
		}

		/** A list of texts: a YAML list, or a single value meaning a list of one. */
		List<String> texts(String name, int maxLength) {
			Node value = this.values.get(name);
			List<String> texts = new ArrayList<>();
			if (value == null) {
				return texts;
			}
			List<Node> items = (value instanceof SequenceNode sequence) ? sequence.getValue() : List.of(value);
			for (Node item : items) {
				if (!(item instanceof ScalarNode scalar)) {
					FrontMatter.this.problem(item.getStartMark(),
							"field '" + this.prefix + name + "': each entry must be a single value");
					continue;
				}
				String text = scalar.getValue().strip();
				if (text.length() > maxLength) {
					FrontMatter.this.problem(item.getStartMark(), "field '" + this.prefix + name + "': an entry has "
							+ text.length() + " characters; at most " + maxLength + " are allowed");
				}
				else if (!text.isEmpty()) {
					texts.add(text);
				}
			}
			return texts;
		}

		/** A date, {@code YYYY-MM-DD}. */
		LocalDate date(String name, boolean required) {
			String text = text(name, required, 40);
			if (text == null) {
				return null;
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				problem(name, ": '" + text + "' is not a date; write YYYY-MM-DD, e.g. 2023-01-05");
				return null;
			}
		}

		/**
		 * An instant written as commune time ({@code 2026-12-01 06:00}), a date
		 * (midnight, commune time) or ISO 8601 with an offset.
		 */
		Instant instant(String name, ZoneId zone) {
			String text = text(name, false, 40);
			if (text == null) {
				return null;
			}
			try {
				if (LOCAL_DATE_TIME.matcher(text).matches()) {
					return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
				}
				if (text.length() == 10) {
					return LocalDate.parse(text).atStartOfDay(zone).toInstant();
				}
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				problem(name, ": '" + text
						+ "' is not a time; write YYYY-MM-DD HH:MM in commune time, e.g. 2026-12-01 06:00");
				return null;
			}
		}

		/** One of a fixed set of words, or {@code fallback} when absent. */
		<T> T choice(String name, Map<String, T> choices, T fallback) {
			String text = text(name, false, 40);
			if (text == null) {
				return fallback;
			}
			T value = choices.get(text);
			if (value == null) {
				problem(name, ": '" + text + "' is not one of: " + String.join(", ", choices.keySet()));
				return fallback;
			}
			return value;
		}

		/** A nested mapping, or null when absent. */
		Fields fields(String name, Set<String> known) {
			Node value = this.values.get(name);
			if (value == null) {
				return null;
			}
			if (!(value instanceof MappingNode mapping)) {
				problem(name, ": expected indented 'field: value' lines ("
						+ String.join(", ", known.stream().sorted().toList()) + ")");
				return null;
			}
			return new Fields(mapping, known, this.prefix + name + ".");
		}

		/** A list of mappings, each with the given fields. */
		List<Fields> list(String name, Set<String> known) {
			Node value = this.values.get(name);
			List<Fields> list = new ArrayList<>();
			if (value == null) {
				return list;
			}
			if (!(value instanceof SequenceNode sequence)) {
				problem(name, ": expected a list, each entry starting with '- '");
				return list;
			}
			for (Node item : sequence.getValue()) {
				if (item instanceof MappingNode mapping) {
					list.add(new Fields(mapping, known, this.prefix + name + "."));
				}
				else {
					FrontMatter.this.problem(item.getStartMark(), "field '" + this.prefix + name
							+ "': each entry needs " + String.join(", ", known.stream().sorted().toList()));
				}
			}
			return list;
		}

	}

}
