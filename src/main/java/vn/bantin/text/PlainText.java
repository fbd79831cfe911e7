package vn.bantin.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

/**
 * Turns a {@link Sanitizer#clean cleaned} HTML tree into plain text for email text parts
 * ({@code spoken == false}) or radio scripts ({@code spoken == true}). See
 * {@link Markdown#toPlainText} and {@link Markdown#toSpokenText} for the shape.
 */
final class PlainText {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");

	private static final Pattern TAG_LIKE = Pattern.compile(
			"<!--.*?-->|<[!?][^<>\\n]*>|</?([A-Za-z][A-Za-z0-9:-]*)(?:[^\\p{L}\\p{M}\\p{N}<>\\n][^<>\\n]*)?>",
			Pattern.DOTALL);

	/** Tags that jsoup does not count as known HTML but that are markup all the same. */
	private static final Set<String> FOREIGN_TAGS = Set.of("svg", "math");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private static final Pattern INNER_SPACES = Pattern.compile(" {2,}");

	private final boolean spoken;

	private PlainText(boolean spoken) {
		this.spoken = spoken;
	}

	static String render(Element body, boolean spoken) {
		String text = String.join("\n\n", new PlainText(spoken).blocks(body));
		return VietnameseText.nfc(tidy(removeTags(text)));
	}

	private List<String> blocks(Element container) {
		List<String> blocks = new ArrayList<>();
		StringBuilder inline = new StringBuilder();
		for (Node child : container.childNodes()) {
			if (child instanceof Element el && Sanitizer.BLOCKS.contains(el.normalName())) {
				addInline(blocks, inline);
				for (String block : block(el)) {
					if (!block.isBlank()) {
						blocks.add(block);
					}
				}
			}
			else {
				inline(child, inline);
			}
		}
		addInline(blocks, inline);
		return blocks;
	}

	private static void addInline(List<String> blocks, StringBuilder inline) {
		List<String> lines = new ArrayList<>();
		for (String line : inline.toString().split("\n")) {
			String stripped = line.strip();
			if (!stripped.isEmpty()) {
				lines.add(stripped);
			}
		}
		if (!lines.isEmpty()) {
			blocks.add(String.join("\n", lines));
		}
		inline.setLength(0);
	}

	private List<String> block(Element el) {
		return switch (el.normalName()) {
			case "ul", "ol" -> List.of(list(el));
			case "pre" -> List.of(el.wholeText().replaceAll("\\s+$", ""));
			case "table" -> List.of(table(el));
			case "hr" -> List.of();
			default -> blocks(el);
		};
	}

	private String list(Element list) {
		boolean ordered = list.normalName().equals("ol");
		int number = ordered ? start(list) : 0;
		List<String> lines = new ArrayList<>();
		for (Element item : list.children()) {
			String content = String.join("\n", blocks(item));
			if (content.isBlank()) {
				continue;
			}
			String marker = ordered ? (number++) + ". " : (this.spoken ? "" : "- ");
			String indent = " ".repeat(marker.length());
			String[] itemLines = content.split("\n");
			for (int i = 0; i < itemLines.length; i++) {
				lines.add(((i == 0) ? marker : indent) + itemLines[i]);
			}
		}
		return String.join("\n", lines);
	}

	private static int start(Element list) {
		try {
			return Integer.parseInt(list.attr("start").strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private String table(Element table) {
		List<List<String>> rows = new ArrayList<>();
		boolean header = false;
		for (Element row : rows(table)) {
			List<String> cells = new ArrayList<>();
			boolean allHeadings = true;
			for (Element cell : row.children()) {
				cells.add(String.join(" ", blocks(cell)).replace('\n', ' ').strip());
				allHeadings &= cell.normalName().equals("th");
			}
			if (rows.isEmpty()) {
				header = allHeadings && !cells.isEmpty();
			}
			rows.add(cells);
		}
		List<String> lines = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (!this.spoken) {
				lines.add(String.join(" | ", cells));
			}
			else if (!header || r > 0) {
				lines.add(spokenRow(header ? rows.get(0) : List.of(), cells));
			}
		}
		return String.join("\n", lines);
	}

	/** The rows of {@code table}, whether in a {@code thead}, a {@code tbody} or not. */
	static List<Element> rows(Element table) {
		List<Element> rows = new ArrayList<>();
		for (Element child : table.children()) {
			if (child.normalName().equals("tr")) {
				rows.add(child);
			}
			else {
				for (Element row : child.children()) {
					if (row.normalName().equals("tr")) {
						rows.add(row);
					}
				}
			}
		}
		return rows;
	}

	private static String spokenRow(List<String> headings, List<String> cells) {
		List<String> parts = new ArrayList<>();
		for (int c = 0; c < cells.size(); c++) {
			String value = cells.get(c);
			String heading = (c < headings.size()) ? headings.get(c) : "";
			if (!value.isEmpty()) {
				parts.add(heading.isEmpty() ? value : heading + ": " + value);
			}
		}
		String line = String.join(headings.isEmpty() ? ", " : "; ", parts);
		return (line.isEmpty() || ".!?:;".indexOf(line.charAt(line.length() - 1)) >= 0) ? line : line + ".";
	}

	private void inline(Node node, StringBuilder out) {
		if (node instanceof TextNode text) {
			out.append(SPACES.matcher(text.getWholeText()).replaceAll(" "));
		}
		else if (node instanceof Element el) {
			switch (el.normalName()) {
				case "br" -> out.append('\n');
				case "img" -> {
					if (!this.spoken) {
						out.append(el.attr("alt"));
					}
				}
				case "a" -> link(el, out);
				default -> el.childNodes().forEach((child) -> inline(child, out));
			}
		}
	}

	private void link(Element a, StringBuilder out) {
		StringBuilder label = new StringBuilder();
		a.childNodes().forEach((child) -> inline(child, label));
		out.append(label);
		String url = this.spoken ? null : shownUrl(a.attr("href").strip());
		if (url == null) {
			return;
		}
		String text = label.toString().strip();
		if (text.isEmpty()) {
			out.append(url);
		}
		else if (!text.equals(url) && !text.equals(a.attr("href").strip())) {
			out.append(" (").append(url).append(')');
		}
	}

	/** The URL to show after a link's text, or {@code null} for a relative one. */
	private static String shownUrl(String href) {
		String lower = href.toLowerCase(Locale.ROOT);
		if (lower.startsWith("mailto:")) {
			return href.substring("mailto:".length());
		}
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			return href;
		}
		return null;
	}

	/**
	 * Removes text that reads as HTML markup: comments, declarations and tags whose name
	 * is HTML ({@code <script>}, {@code </b>}), even if the author escaped them. Angle
	 * brackets around anything else ({@code <Thông báo>}, {@code a < b}) stay.
	 */
	private static String removeTags(String text) {
		Matcher matcher = TAG_LIKE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			boolean markup = name == null || Tag.isKnownTag(name.toLowerCase(Locale.ROOT))
					|| FOREIGN_TAGS.contains(name.toLowerCase(Locale.ROOT));
			matcher.appendReplacement(out, markup ? "" : Matcher.quoteReplacement(matcher.group()));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** Collapses spaces inside lines (keeping indentation), and runs of blank lines. */
	private static String tidy(String text) {
		StringBuilder out = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			String content = INNER_SPACES.matcher(line.strip()).replaceAll(" ");
			if (!content.isEmpty()) {
				String indent = line.substring(0, line.length() - line.stripLeading().length());
				out.append(" ".repeat(indent.length())).append(content);
			}
			out.append('\n');
		}
		String lines = out.toString().replaceAll("^\n+", "").stripTrailing();
		return BLANK_LINES.matcher(lines).replaceAll("\n\n");
	}

}
