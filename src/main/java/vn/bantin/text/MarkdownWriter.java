package vn.bantin.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes a {@link Sanitizer#clean cleaned} HTML tree as Markdown for the editor. See
 * {@link SafeHtml#toMarkdown}.
 */
final class MarkdownWriter {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

	private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]]|<(?=[A-Za-z/!?])");

	private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

	private static final Pattern LINE_START_NUMBER = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");

	private static final Pattern LINE_START_HEADING = Pattern.compile("^#{1,6}(?=\\s|$)");

	private static final Pattern AUTOLINK_UNSAFE = Pattern.compile("[\\s<>\\\\`*_]");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.+-]+@[A-Za-z0-9.-]+");

	private static final Pattern BACKTICKS = Pattern.compile("`+");

	private MarkdownWriter() {
	}

	static String write(Element body) {
		return String.join("\n\n", new MarkdownWriter().blocks(body));
	}

	private List<String> blocks(Element container) {
		List<String> blocks = new ArrayList<>();
		StringBuilder inline = new StringBuilder();
		for (Node child : container.childNodes()) {
			if (child instanceof Element el && Sanitizer.BLOCKS.contains(el.normalName())) {
				addParagraph(blocks, inline.toString());
				inline.setLength(0);
				String block = block(el);
				if (!block.isBlank()) {
					blocks.add(block);
				}
			}
			else {
				inline(child, inline);
			}
		}
		addParagraph(blocks, inline.toString());
		return blocks;
	}

	private static void addParagraph(List<String> blocks, String inline) {
		String paragraph = paragraph(inline);
		if (!paragraph.isEmpty()) {
			blocks.add(paragraph);
		}
	}

	/**
	 * Lines (from {@code br}) joined by hard breaks, each safe at the start of a line.
	 */
	private static String paragraph(String inline) {
		List<String> lines = new ArrayList<>();
		for (String line : inline.split("\n")) {
			String stripped = line.strip();
			if (!stripped.isEmpty()) {
				lines.add(escapeLineStart(stripped));
			}
		}
		return String.join("\\\n", lines);
	}

	private String block(Element el) {
		String name = el.normalName();
		return switch (name) {
			case "h1", "h2", "h3", "h4", "h5", "h6" -> {
				String text = inlineOf(el).replace('\n', ' ').strip();
				yield text.isEmpty() ? "" : "#".repeat(name.charAt(1) - '0') + " " + text;
			}
			case "p" -> paragraph(inlineOf(el));
			case "blockquote" -> prefixLines(String.join("\n\n", blocks(el)), "> ", ">");
			case "ul", "ol" -> list(el);
			case "pre" -> fence(el.wholeText());
			case "table" -> table(el);
			case "hr" -> "---";
			default -> String.join("\n\n", blocks(el));
		};
	}

	private String list(Element list) {
		boolean ordered = list.normalName().equals("ol");
		int number = ordered ? parseStart(list.attr("start")) : 0;
		List<String> items = new ArrayList<>();
		for (Element item : list.children()) {
			List<String> blocks = blocks(item);
			StringBuilder content = new StringBuilder();
			for (int i = 0; i < blocks.size(); i++) {
				if (i > 0) {
					boolean nestedList = blocks.get(i).startsWith("- ")
							|| LINE_START_NUMBER.matcher(blocks.get(i)).find();
					content.append(nestedList ? "\n" : "\n\n");
				}
				content.append(blocks.get(i));
			}
			String marker = ordered ? (number++) + ". " : "- ";
			String indented = prefixLines(content.toString(), " ".repeat(marker.length()), "");
			items.add(indented.isEmpty() ? marker.strip() : marker + indented.substring(marker.length()));
		}
		return String.join("\n", items);
	}

	private static int parseStart(String start) {
		try {
			return Integer.parseInt(start.strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String fence(String code) {
		String content = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
		int longest = 0;
		Matcher backticks = BACKTICKS.matcher(content);
		while (backticks.find()) {
			longest = Math.max(longest, backticks.group().length());
		}
		String fence = "`".repeat(Math.max(3, longest + 1));
		return fence + "\n" + content + "\n" + fence;
	}

	private String table(Element table) {
		List<Element> rows = PlainText.rows(table);
		List<List<String>> cells = new ArrayList<>();
		int columns = 0;
		for (Element row : rows) {
			List<String> rowCells = new ArrayList<>();
			for (Element cell : row.children()) {
				String text = String.join("<br>", blocks(cell)).replace("\\\n", "<br>").replace("\n", "<br>");
				rowCells.add(text.replace("|", "\\|"));
			}
			columns = Math.max(columns, rowCells.size());
			cells.add(rowCells);
		}
		if (columns == 0) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		lines.add(tableRow(cells.get(0), columns));
		List<String> delimiters = new ArrayList<>();
		List<Element> headerCells = rows.get(0).children();
		for (int c = 0; c < columns; c++) {
			String align = (c < headerCells.size()) ? headerCells.get(c).attr("align").toLowerCase(Locale.ROOT) : "";
			delimiters.add(switch (align) {
				case "left" -> ":---";
				case "right" -> "---:";
				case "center" -> ":---:";
				default -> "---";
			});
		}
		lines.add(tableRow(delimiters, columns));
		for (List<String> row : cells.subList(1, cells.size())) {
			lines.add(tableRow(row, columns));
		}
		return String.join("\n", lines);
	}

	private static String tableRow(List<String> cells, int columns) {
		StringBuilder row = new StringBuilder("|");
		for (int c = 0; c < columns; c++) {
			row.append(' ').append((c < cells.size()) ? cells.get(c) : "").append(" |");
		}
		return row.toString();
	}

	private String inlineOf(Element el) {
		StringBuilder out = new StringBuilder();
		el.childNodes().forEach((child) -> inline(child, out));
		return out.toString();
	}

	private void inline(Node node, StringBuilder out) {
		if (node instanceof TextNode text) {
			out.append(escape(SPACES.matcher(text.getWholeText()).replaceAll(" ")));
		}
		else if (node instanceof Element el) {
			switch (el.normalName()) {
				case "br" -> out.append('\n');
				case "strong" -> out.append(wrap(inlineOf(el), "**", "**"));
				case "em" -> out.append(wrap(inlineOf(el), "*", "*"));
				case "del", "sup", "sub" ->
					out.append(wrap(inlineOf(el), "<" + el.normalName() + ">", "</" + el.normalName() + ">"));
				case "code" -> out.append(codeSpan(el.wholeText()));
				case "a" -> out.append(link(el));
				case "img" -> out.append("![")
					.append(escape(el.attr("alt")))
					.append("](")
					.append(destination(el.attr("src")))
					.append(title(el.attr("title")))
					.append(')');
				default -> el.childNodes().forEach((child) -> inline(child, out));
			}
		}
	}

	private String link(Element a) {
		String href = a.attr("href").strip();
		String text = a.text().strip();
		String lower = href.toLowerCase(Locale.ROOT);
		boolean absolute = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
		if (absolute && a.childrenSize() == 0 && a.attr("title").isEmpty() && !AUTOLINK_UNSAFE.matcher(href).find()
				&& (text.equals(href) || (("mailto:" + text).equals(href) && EMAIL.matcher(text).matches()))) {
			return "<" + text + ">";
		}
		return "[" + inlineOf(a).replace('\n', ' ').strip() + "](" + destination(href) + title(a.attr("title")) + ")";
	}

	/** Wraps {@code inner} in delimiters, keeping its outer spaces outside them. */
	private static String wrap(String inner, String open, String close) {
		String core = inner.strip();
		if (core.isEmpty()) {
			return inner;
		}
		int start = inner.indexOf(core);
		return inner.substring(0, start) + open + core + close + inner.substring(start + core.length());
	}

	private static String codeSpan(String code) {
		String content = code.replace('\n', ' ');
		int longest = 0;
		Matcher backticks = BACKTICKS.matcher(content);
		while (backticks.find()) {
			longest = Math.max(longest, backticks.group().length());
		}
		String fence = "`".repeat(longest + 1);
		boolean pad = content.startsWith("`") || content.endsWith("`");
		return fence + (pad ? " " + content + " " : content) + fence;
	}

	private static String destination(String url) {
		return url.strip()
			.replace("\\", "%5C")
			.replace(" ", "%20")
			.replace("(", "%28")
			.replace(")", "%29")
			.replace("<", "%3C")
			.replace(">", "%3E")
			.replace("|", "%7C");
	}

	private static String title(String title) {
		if (title.isBlank()) {
			return "";
		}
		return " \"" + title.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ') + "\"";
	}

	private static String escape(String text) {
		String escaped = SPECIAL.matcher(text).replaceAll("\\\\$0");
		return ENTITY_LIKE.matcher(escaped).replaceAll("\\\\&");
	}

	/** Escapes what would start a heading, list, quote, rule or fence at a line start. */
	private static String escapeLineStart(String line) {
		Matcher number = LINE_START_NUMBER.matcher(line);
		if (number.find()) {
			return number.group(1) + "\\" + number.group(2) + line.substring(number.end());
		}
		if (LINE_START_HEADING.matcher(line).find() || "-+=>~".indexOf(line.charAt(0)) >= 0) {
			return "\\" + line;
		}
		return line;
	}

	private static String prefixLines(String text, String prefix, String blankPrefix) {
		StringBuilder out = new StringBuilder();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				out.append('\n');
			}
			out.append(lines[i].isEmpty() ? blankPrefix : prefix + lines[i]);
		}
		return out.toString();
	}

}
