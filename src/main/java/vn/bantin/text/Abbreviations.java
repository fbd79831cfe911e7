package vn.bantin.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The abbreviations a script may contain and how an announcer reads each one ("UBND" is
 * read "ủy ban nhân dân"), from the editable dictionary shipped in the content folder,
 * {@code content/radio/viet-tat.yaml}.
 *
 * <p>
 * The file is a flat YAML mapping, one {@code ABBREVIATION: reading} per line, with
 * {@code #} comments; it is read line by line (not by a YAML parser) so that one bad line
 * is reported with its line and field while every other line still loads: a commune clerk
 * edits it by hand, and a typo must not silence the whole dictionary. Each problem reads
 * {@code path:line:column: message}, like the other content files.
 *
 * @param entries each abbreviation (case-sensitive, NFC) and its reading, in file order
 * @param problems what was wrong with the lines that did not load
 */
public record Abbreviations(Map<String, String> entries, List<String> problems) {

	/** No abbreviations at all. */
	public static final Abbreviations NONE = new Abbreviations(Map.of(), List.of());

	public Abbreviations {
		entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
		problems = List.copyOf(problems);
	}

	/**
	 * Reads a dictionary file. A missing or unreadable file yields no entries and one
	 * problem; it never throws, so that a radio script can always be read.
	 * @param file the dictionary, e.g. {@code content/radio/viet-tat.yaml}
	 * @param shownAs how problems name the file, e.g. {@code radio/viet-tat.yaml}
	 */
	public static Abbreviations read(Path file, String shownAs) {
		String text;
		try {
			byte[] bytes = Files.readAllBytes(file);
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return new Abbreviations(Map.of(), List.of(shownAs + ":1:1: not UTF-8 text; save it as UTF-8"));
		}
		catch (IOException ex) {
			return new Abbreviations(Map.of(), List.of(shownAs + ":1:1: cannot read the file: " + ex.getMessage()));
		}
		return parse(text, shownAs);
	}

	/**
	 * Reads a dictionary's text.
	 * @param text the lines {@code ABBREVIATION: reading}
	 * @param shownAs how problems name the file
	 */
	public static Abbreviations parse(String text, String shownAs) {
		Map<String, String> entries = new LinkedHashMap<>();
		Map<String, Integer> firstLine = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		String[] lines = VietnameseText.nfc(text).split("\r?\n|\r", -1);
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String line = (i == 0 && lines[i].startsWith("\uFEFF")) ? lines[i].substring(1) : lines[i];
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				problems
					.add(shownAs + ":" + number + ":1: expected 'ABBREVIATION: reading', e.g. 'UBND: ủy ban nhân dân'");
				continue;
			}
			String key = line.substring(0, colon).strip();
			String reading = unquote(line.substring(colon + 1).strip());
			int readingColumn = colon + 2;
			if (key.isEmpty()) {
				problems.add(shownAs + ":" + number + ":1: field 'abbreviation': empty; write it before the ':'");
			}
			else if (!key.codePoints().allMatch((c) -> Character.isLetterOrDigit(c) || "-&/.".indexOf(c) >= 0)) {
				problems.add(shownAs + ":" + number + ":1: field 'abbreviation': '" + key
						+ "' may only contain letters, digits, '-', '&', '/' and '.'");
			}
			else if (reading.isEmpty()) {
				problems.add(shownAs + ":" + number + ":" + readingColumn + ": field 'reading' of '" + key
						+ "': empty; write how it is read after the ':'");
			}
			else if (entries.containsKey(key)) {
				problems.add(shownAs + ":" + number + ":1: field 'abbreviation': '" + key
						+ "' is already defined on line " + firstLine.get(key) + "; keep one of them");
			}
			else {
				entries.put(key, reading);
				firstLine.put(key, number);
			}
		}
		return new Abbreviations(entries, problems);
	}

	private static String unquote(String value) {
		int hash = value.indexOf(" #");
		String bare = (hash >= 0) ? value.substring(0, hash).strip() : value;
		if (bare.length() >= 2
				&& (bare.startsWith("\"") && bare.endsWith("\"") || bare.startsWith("'") && bare.endsWith("'"))) {
			return bare.substring(1, bare.length() - 1).strip();
		}
		return bare;
	}

}
