package vn.bantin.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A plan file: YAML front matter between {@code ---} lines, then the plan's text in
 * Markdown. The format is described in {@code content/README.md}.
 *
 * <p>
 * Parsing collects every problem it can find rather than stopping at the first, and
 * locates each by line and column in the file (not in the front matter), so that an
 * editor can jump to it.
 */
record PlanFile(String id, String numberSymbol, String title, String issuer, LocalDate issuedOn, LocalDate periodStart,
		LocalDate periodEnd, List<PlanView.Theme> themes, String body) {

	private static final Set<String> FIELDS = Set.of("id", "kind", "number", "title", "issuer", "issued", "period",
			"themes");

	private static final Set<String> THEME_FIELDS = Set.of("key", "title", "description");

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	/**
	 * The outcome of reading one file: a plan, or the problems that kept it from loading.
	 */
	record Reading(PlanFile plan, List<ContentProblem> problems) {

		boolean ok() {
			return this.plan != null;
		}

	}

	static Reading parse(String path, String source) {
		Problems problems = new Problems(path);
		String text = VietnameseText.nfc(source.replace("\r\n", "\n")).replaceFirst("^\uFEFF", "");
		if (!text.startsWith("---\n")) {
			problems.add(1, 1, "the file must start with a '---' line opening the YAML front matter");
			return problems.reading();
		}
		int end = text.indexOf("\n---", 3);
		if (end < 0) {
			problems.add(1, 1, "the front matter opened on line 1 is never closed by a '---' line");
			return problems.reading();
		}
		String yaml = text.substring(4, end + 1);
		int bodyStart = text.indexOf('\n', end + 1);
		String body = (bodyStart < 0) ? "" : text.substring(bodyStart + 1).strip();
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			problems.add(mark, "bad YAML: " + ex.getProblem() + " (check indentation and quote values containing ':')");
			return problems.reading();
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.add(2, 1, "the front matter must be a set of 'field: value' lines");
			return problems.reading();
		}
		Map<String, Node> fields = fields(mapping, FIELDS, "", problems);
		String id = scalar(fields, "id", true, problems, root);
		if (id != null && !ID.matcher(id).matches()) {
			problems.add(fields.get("id").getStartMark(),
					"field 'id': '" + id + "' must be lower-case letters, digits and '-' (e.g. ke-hoach-cchc-2023)");
		}
		String kind = scalar(fields, "kind", false, problems, root);
		if (kind != null && !kind.equals("plan")) {
			problems.add(fields.get("kind").getStartMark(),
					"field 'kind': a file in plans/ must say 'plan', not '" + kind + "'");
		}
		String title = limit(scalar(fields, "title", true, problems, root), 300, fields.get("title"), "title",
				problems);
		String issuer = limit(scalar(fields, "issuer", true, problems, root), 200, fields.get("issuer"), "issuer",
				problems);
		String number = limit(scalar(fields, "number", false, problems, root), 50, fields.get("number"), "number",
				problems);
		LocalDate issued = date(fields.get("issued"), "issued", problems);
		LocalDate from = null;
		LocalDate to = null;
		Node period = fields.get("period");
		if (period instanceof MappingNode periodMap) {
			Map<String, Node> range = fields(periodMap, Set.of("from", "to"), "period.", problems);
			from = date(range.get("from"), "period.from", problems);
			to = date(range.get("to"), "period.to", problems);
			if (from != null && to != null && to.isBefore(from)) {
				problems.add(range.get("to").getStartMark(),
						"field 'period.to': " + to + " is before period.from " + from);
			}
		}
		else if (period != null) {
			problems.add(period.getStartMark(), "field 'period': expected 'from:' and 'to:' dates on indented lines");
		}
		List<PlanView.Theme> themes = themes(fields.get("themes"), problems);
		if (problems.any()) {
			return problems.reading();
		}
		return new Reading(new PlanFile(id, number, title, issuer, issued, from, to, themes, body), List.of());
	}

	private static List<PlanView.Theme> themes(Node node, Problems problems) {
		List<PlanView.Theme> themes = new ArrayList<>();
		if (node == null) {
			return themes;
		}
		if (!(node instanceof SequenceNode sequence)) {
			problems.add(node.getStartMark(), "field 'themes': expected a list of themes, each starting with '- key:'");
			return themes;
		}
		Set<String> keys = new java.util.HashSet<>();
		for (Node item : sequence.getValue()) {
			if (!(item instanceof MappingNode theme)) {
				problems.add(item.getStartMark(), "field 'themes': each theme needs 'key', 'title' and 'description'");
				continue;
			}
			Map<String, Node> fields = fields(theme, THEME_FIELDS, "themes.", problems);
			String key = scalar(fields, "key", true, problems, item);
			String title = limit(scalar(fields, "title", true, problems, item), 300, fields.get("title"),
					"themes.title", problems);
			String description = limit(scalar(fields, "description", false, problems, item), 4000,
					fields.get("description"), "themes.description", problems);
			if (key != null && key.length() > 60) {
				problems.add(fields.get("key").getStartMark(), "field 'themes.key' is longer than 60 characters");
			}
			else if (key != null && !ID.matcher(key).matches()) {
				problems.add(fields.get("key").getStartMark(),
						"field 'themes.key': '" + key + "' must be lower-case letters, digits and '-'");
			}
			else if (key != null && !keys.add(key)) {
				problems.add(fields.get("key").getStartMark(), "field 'themes.key': '" + key + "' is used twice");
			}
			if (key != null && title != null) {
				themes.add(new PlanView.Theme(key, title, (description != null) ? description : ""));
			}
		}
		return themes;
	}

	private static Map<String, Node> fields(MappingNode mapping, Set<String> known, String prefix, Problems problems) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
				problems.add(tuple.getKeyNode().getStartMark(), "a field name must be a plain word");
				continue;
			}
			String name = keyNode.getValue();
			if (!known.contains(name)) {
				problems.add(keyNode.getStartMark(), "unknown field '" + prefix + name + "' (known: "
						+ String.join(", ", known.stream().sorted().toList()) + ")");
				continue;
			}
			fields.put(name, tuple.getValueNode());
		}
		return fields;
	}

	private static String scalar(Map<String, Node> fields, String name, boolean required, Problems problems,
			Node parent) {
		Node node = fields.get(name);
		if (node == null) {
			if (required) {
				problems.add(parent.getStartMark(), "missing field '" + name + "'");
			}
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			problems.add(node.getStartMark(), "field '" + name + "': expected a single value");
			return null;
		}
		String value = scalar.getValue().strip();
		if (value.isEmpty() && required) {
			problems.add(node.getStartMark(), "field '" + name + "' is empty");
			return null;
		}
		return value.isEmpty() ? null : value;
	}

	/** Refuses a value longer than its column, so that the database never has to. */
	private static String limit(String value, int max, Node node, String name, Problems problems) {
		if (value != null && value.length() > max) {
			problems.add(node.getStartMark(),
					"field '" + name + "' has " + value.length() + " characters; at most " + max + " are allowed");
			return null;
		}
		return value;
	}

	private static LocalDate date(Node node, String name, Problems problems) {
		if (node == null) {
			return null;
		}
		String value = (node instanceof ScalarNode scalar) ? scalar.getValue().strip() : "";
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(node.getStartMark(),
					"field '" + name + "': '" + value + "' is not a date; write YYYY-MM-DD, e.g. 2023-01-05");
			return null;
		}
	}

	/**
	 * Problems of one file; YAML marks are 0-based and counted from the line after the
	 * opening '---'.
	 */
	private static final class Problems {

		private static final int FRONT_MATTER_OFFSET = 2;

		private final String path;

		private final List<ContentProblem> list = new ArrayList<>();

		Problems(String path) {
			this.path = path;
		}

		void add(int line, int column, String message) {
			this.list.add(new ContentProblem(this.path, line, column, message));
		}

		void add(Mark mark, String message) {
			add(mark.getLine() + FRONT_MATTER_OFFSET, mark.getColumn() + 1, message);
		}

		boolean any() {
			return !this.list.isEmpty();
		}

		Reading reading() {
			return new Reading(null, List.copyOf(this.list));
		}

	}

}
