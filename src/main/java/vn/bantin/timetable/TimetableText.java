package vn.bantin.timetable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical text form of a slot or campaign kept in the database: one
 * {@code field: value} line per field, in the words the admin form uses (see
 * {@link SlotForm} and {@link CampaignForm}). Readable in a database console, and every
 * field of a slot or campaign has a line, so nothing is lost between the form, the
 * database and the engine. Backslashes and line breaks in values are escaped.
 */
final class TimetableText {

	private TimetableText() {
	}

	static String write(Map<String, String> fields) {
		StringBuilder text = new StringBuilder();
		fields.forEach((field, value) -> text.append(field)
			.append(": ")
			.append((value != null) ? value.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n") : "")
			.append('\n'));
		return text.toString();
	}

	static Map<String, String> read(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			int colon = line.indexOf(": ");
			if (colon < 0) {
				if (line.endsWith(":")) {
					fields.put(line.substring(0, line.length() - 1), "");
				}
				continue;
			}
			fields.put(line.substring(0, colon), unescape(line.substring(colon + 2)));
		}
		return fields;
	}

	private static String unescape(String value) {
		StringBuilder plain = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				plain.append((next == 'n') ? '\n' : next);
			}
			else {
				plain.append(c);
			}
		}
		return plain.toString();
	}

}
