package vn.bantin.system;

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
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of one YAML mapping, read by name and typed as they are read, for files
 * people write by hand (content front matter, timetables).
 *
 * <p>
 * Reading collects every problem rather than stopping at the first, and reports each
 * through a {@link Problems} callback with its line and column in the file (not in the
 * YAML fragment: {@code lineOffset} says where the fragment starts) and the field's full
 * name, with a hint, so that an author can fix all of them in one go. A value that is
 * missing or malformed yields {@code null} (or an empty list) and a problem. Unknown
 * field names are reported when the mapping is read.
 */
public final class YamlFields {

	/** Stable ids and keys: lower-case ASCII letters, digits and '-'. */
	public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?");

	/** Receives the problems found, located by 1-based line and column. */
	@FunctionalInterface
	public interface Problems {

		void problem(int line, int column, String message);

	}

	private final MappingNode node;

	private final String prefix;

	private final Problems problems;

	private final int lineOffset;

	private final Map<String, Node> values = new LinkedHashMap<>();

	private YamlFields(MappingNode node, Set<String> known, String prefix, Problems problems, int lineOffset) {
		this.node = node;
		this.prefix = prefix;
		this.problems = problems;
		this.lineOffset = lineOffset;
		for (NodeTuple tuple : node.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				problem(tuple.getKeyNode().getStartMark(), "a field name must be a plain word");
				continue;
			}
			if (!known.contains(key.getValue())) {
				problem(key.getStartMark(), "unknown field '" + prefix + key.getValue() + "' (known: "
						+ String.join(", ", known.stream().sorted().toList()) + ")");
				continue;
			}
			this.values.put(key.getValue(), tuple.getValueNode());
		}
	}

	/**
	 * Parses a YAML text that must be a mapping.
	 * @param yaml the text
	 * @param lineOffset added to YAML's 0-based lines to give lines in the file: 1 for a
	 * whole file, more for a fragment (the 1-based line on which the text starts)
	 * @param known the top-level field names allowed
	 * @param problems receives the problems
	 * @param notMapping the message when the text is not a mapping, or {@code null} to
	 * take an empty text as an empty mapping
	 * @return the fields, or empty when the text is not YAML or not a mapping
	 */
	public static Optional<YamlFields> parse(String yaml, int lineOffset, Set<String> known, Problems problems,
			String notMapping) {
		Node node;
		try {
			node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String message = "bad YAML: " + ex.getProblem()
					+ " (check indentation and quote values containing ': ' or '#')";
			if (mark != null) {
				problems.problem(mark.getLine() + lineOffset, mark.getColumn() + 1, message);
			}
			else {
				problems.problem(lineOffset, 1, message);
			}
			return Optional.empty();
		}
		catch (YAMLException ex) {
			problems.problem(lineOffset, 1, "bad YAML: " + ex.getMessage());
			return Optional.empty();
		}
		if (node == null && notMapping == null) {
			return Optional.of(new YamlFields(new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(),
					org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK), known, "", problems, lineOffset));
		}
		if (!(node instanceof MappingNode mapping)) {
			problems.problem(lineOffset, 1,
					(notMapping != null) ? notMapping : "the file must be a set of 'field: value' lines");
			return Optional.empty();
		}
		return Optional.of(new YamlFields(mapping, known, "", problems, lineOffset));
	}

	/** Reports a problem at a YAML mark. */
	public void problem(Mark mark, String message) {
		if (mark == null) {
			this.problems.problem(this.lineOffset, 1, message);
		}
		else {
			this.problems.problem(mark.getLine() + this.lineOffset, mark.getColumn() + 1, message);
		}
	}

	/** The full name of a field of this mapping, e.g. {@code slots.times}. */
	public String name(String field) {
		return this.prefix + field;
	}

	public boolean has(String name) {
		return this.values.containsKey(name);
	}

	/** The names of the fields present, in file order. */
	public Set<String> names() {
		return this.values.keySet();
	}

	/** Where this mapping starts. */
	public Mark start() {
		return this.node.getStartMark();
	}

	/**
	 * Where the field's value starts, or where this mapping starts when it is absent.
	 */
	public Mark mark(String name) {
		Node value = this.values.get(name);
		return (value != null) ? value.getStartMark() : this.node.getStartMark();
	}

	/** The 1-based line of a mark in the file. */
	public int line(Mark mark) {
		return (mark != null) ? mark.getLine() + this.lineOffset : this.lineOffset;
	}

	/** The 1-based column of a mark. */
	public int column(Mark mark) {
		return (mark != null) ? mark.getColumn() + 1 : 1;
	}

	/**
	 * Reports a problem on the field's value; {@code message} follows the field's name,
	 * e.g. {@code ": 'x' is not a date"} or {@code " is empty"}.
	 */
	public void problem(String name, String message) {
		problem(mark(name), "field '" + this.prefix + name + "'" + message);
	}

	/**
	 * A single text value, at most {@code maxLength} characters, or null.
	 */
	public String text(String name, boolean required, int maxLength) {
		Node value = this.values.get(name);
		if (value == null) {
			if (required) {
				problem(this.node.getStartMark(), "missing field '" + this.prefix + name + "'");
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
	public String id(String name, boolean required) {
		String id = text(name, required, 100);
		if (id != null && !ID.matcher(id).matches()) {
			problem(name, ": '" + id + "' must be lower-case letters, digits and '-' (e.g. ke-hoach-cchc-2023)");
			return null;
		}
		return id;
	}

	/** A list of texts: a YAML list, or a single value meaning a list of one. */
	public List<String> texts(String name, int maxLength) {
		List<String> texts = new ArrayList<>();
		for (Scalar scalar : scalars(name)) {
			String text = scalar.text();
			if (text.length() > maxLength) {
				problem(scalar.mark(), "field '" + this.prefix + name + "': an entry has " + text.length()
						+ " characters; at most " + maxLength + " are allowed");
			}
			else if (!text.isEmpty()) {
				texts.add(text);
			}
		}
		return texts;
	}

	/**
	 * The entries of a list of single values, each with where it is: a YAML list, or a
	 * single value meaning a list of one. Entries that are not single values are reported
	 * and left out; blank ones are kept.
	 */
	public List<Scalar> scalars(String name) {
		Node value = this.values.get(name);
		List<Scalar> scalars = new ArrayList<>();
		if (value == null) {
			return scalars;
		}
		List<Node> items = (value instanceof SequenceNode sequence) ? sequence.getValue() : List.of(value);
		for (Node item : items) {
			if (!(item instanceof ScalarNode scalar)) {
				problem(item.getStartMark(), "field '" + this.prefix + name + "': each entry must be a single value");
				continue;
			}
			scalars.add(new Scalar(scalar.getValue().strip(), item.getStartMark()));
		}
		return scalars;
	}

	/**
	 * The raw entries of a list (each may be a single value or a mapping); a single value
	 * means a list of one.
	 */
	public List<Node> nodes(String name) {
		Node value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		return (value instanceof SequenceNode sequence) ? sequence.getValue() : List.of(value);
	}

	/** A mapping that is an entry of a list of this mapping, read with these fields. */
	public YamlFields entry(String name, MappingNode mapping, Set<String> known) {
		return new YamlFields(mapping, known, this.prefix + name + ".", this.problems, this.lineOffset);
	}

	/** A date, {@code YYYY-MM-DD}. */
	public LocalDate date(String name, boolean required) {
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
	 * An instant written as commune time ({@code 2026-12-01 06:00}), a date (midnight,
	 * commune time) or ISO 8601 with an offset.
	 */
	public Instant instant(String name, ZoneId zone) {
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
			problem(name,
					": '" + text + "' is not a time; write YYYY-MM-DD HH:MM in commune time, e.g. 2026-12-01 06:00");
			return null;
		}
	}

	/** One of a fixed set of words, or {@code fallback} when absent. */
	public <T> T choice(String name, Map<String, T> choices, T fallback) {
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
	public YamlFields fields(String name, Set<String> known) {
		Node value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof MappingNode mapping)) {
			problem(name, ": expected indented 'field: value' lines ("
					+ String.join(", ", known.stream().sorted().toList()) + ")");
			return null;
		}
		return new YamlFields(mapping, known, this.prefix + name + ".", this.problems, this.lineOffset);
	}

	/** A list of mappings, each with the given fields. */
	public List<YamlFields> list(String name, Set<String> known) {
		Node value = this.values.get(name);
		List<YamlFields> list = new ArrayList<>();
		if (value == null) {
			return list;
		}
		if (!(value instanceof SequenceNode sequence)) {
			problem(name, ": expected a list, each entry starting with '- '");
			return list;
		}
		for (Node item : sequence.getValue()) {
			if (item instanceof MappingNode mapping) {
				list.add(new YamlFields(mapping, known, this.prefix + name + ".", this.problems, this.lineOffset));
			}
			else {
				problem(item.getStartMark(), "field '" + this.prefix + name + "': each entry needs "
						+ String.join(", ", known.stream().sorted().toList()));
			}
		}
		return list;
	}

	/**
	 * One single value of a list, with where it starts.
	 *
	 * @param text the value, stripped
	 * @param mark where it starts
	 */
	public record Scalar(String text, Mark mark) {
	}

}
