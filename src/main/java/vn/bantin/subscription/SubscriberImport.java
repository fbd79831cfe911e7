package vn.bantin.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.bantin.text.VietnameseText;

/**
 * Reading a CSV file of subscribers for a list: the file's cells (UTF-8 with or without a
 * byte order mark, comma or semicolon separated, as Excel and LibreOffice save them), a
 * guess of which column holds what from the header row, and the rows to add with each bad
 * row's line number and reason.
 *
 * <p>
 * A row is added only with consent: the consent column is required, and only {@code yes},
 * {@code có}, {@code x}, {@code true}, {@code 1} (and {@code đồng ý}) count as consent.
 * An address that appears twice is refused on its second row (the first decides), so the
 * result never depends on the order rows are written to the database. Everything here is
 * pure: suppressed addresses and those already on the list are found when the rows are
 * applied ({@link ListImports}).
 */
final class SubscriberImport {

	/** The largest file read (2 MB: tens of thousands of rows). */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final Set<String> YES = Set.of("yes", "y", "co", "x", "true", "1", "dong y");

	private static final Map<String, Column> HEADERS = headers();

	private SubscriberImport() {
	}

	/**
	 * The cells of a CSV file.
	 * @throws Refused when it is not UTF-8, is empty, or a quote is never closed
	 */
	static Table read(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new Refused("lists.import.error.too-large", MAX_BYTES / (1024 * 1024));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Refused("lists.import.error.encoding");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		char delimiter = delimiter(text);
		List<Line> lines = parse(text, delimiter);
		if (lines.isEmpty()) {
			throw new Refused("lists.import.error.empty");
		}
		return new Table(lines.get(0).cells(), lines.subList(1, lines.size()), delimiter);
	}

	/**
	 * Which column holds what, guessed from the headers (ignoring case and diacritics).
	 */
	static Mapping guess(List<String> headers) {
		Map<Column, Integer> found = new HashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			Column column = HEADERS.get(words(headers.get(i)));
			if (column != null) {
				found.putIfAbsent(column, i);
			}
		}
		return new Mapping(found.get(Column.EMAIL), found.get(Column.NAME), found.get(Column.VILLAGE),
				found.get(Column.CONSENT));
	}

	/**
	 * The rows to add and the rows refused, in file order.
	 * @throws Refused when the mapping has no email or no consent column, or names a
	 * column the file does not have
	 */
	static Plan plan(Table table, Mapping mapping) {
		if (mapping.email() == null) {
			throw new Refused("lists.import.error.email-column");
		}
		if (mapping.consent() == null) {
			throw new Refused("lists.import.error.consent-column");
		}
		for (Integer column : new Integer[] { mapping.email(), mapping.name(), mapping.village(), mapping.consent() }) {
			if (column != null && (column < 0 || column >= table.headers().size())) {
				throw new Refused("lists.import.error.column", column + 1);
			}
		}
		List<Row> rows = new ArrayList<>();
		List<Refusal> refused = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Line line : table.lines()) {
			String typed = cell(line, mapping.email());
			if (typed == null) {
				refused.add(new Refusal(line.number(), Reason.NO_ADDRESS, null));
				continue;
			}
			String address = AddressCheck.valid(typed);
			if (address == null) {
				refused.add(new Refusal(line.number(), Reason.INVALID_ADDRESS, typed));
				continue;
			}
			Integer first = seen.putIfAbsent(Subscriber.key(address), line.number());
			if (first != null) {
				refused.add(new Refusal(line.number(), Reason.DUPLICATE, String.valueOf(first)));
				continue;
			}
			String consent = cell(line, mapping.consent());
			if (consent == null || !YES.contains(words(consent))) {
				refused.add(new Refusal(line.number(), Reason.NO_CONSENT, address));
				continue;
			}
			rows.add(new Row(line.number(),
					new ListMembers.Person(address, cell(line, mapping.name()), cell(line, mapping.village()))));
		}
		return new Plan(rows, refused);
	}

	private static String cell(Line line, Integer column) {
		if (column == null || column >= line.cells().size()) {
			return null;
		}
		String value = line.cells().get(column).strip();
		return value.isEmpty() ? null : VietnameseText.nfc(value);
	}

	/**
	 * Folded words: no diacritics, lower case, single spaces ("Địa chỉ Email" → "dia chi
	 * email").
	 */
	private static String words(String text) {
		return VietnameseText.fold(text.strip()).replaceAll("[\\s_\\-]+", " ");
	}

	/** Semicolon when the header row has more semicolons than commas (outside quotes). */
	private static char delimiter(String text) {
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		return (semicolons > commas) ? ';' : ',';
	}

	/** RFC 4180 records, each with the line it starts on; blank lines are left out. */
	private static List<Line> parse(String text, char delimiter) {
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int line = 1;
		int start = 1;
		boolean quoted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i += 2;
					continue;
				}
				if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
				i++;
				continue;
			}
			if (c == '"' && cell.toString().isBlank()) {
				cell.setLength(0);
				quoted = true;
			}
			else if (c == delimiter) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				add(lines, start, cells);
				cells = new ArrayList<>();
				line++;
				start = line;
			}
			else {
				cell.append(c);
			}
			i++;
		}
		if (quoted) {
			throw new Refused("lists.import.error.quote", start);
		}
		cells.add(cell.toString());
		add(lines, start, cells);
		return lines;
	}

	private static void add(List<Line> lines, int number, List<String> cells) {
		if (cells.stream().anyMatch((cell) -> !cell.isBlank())) {
			lines.add(new Line(number, List.copyOf(cells)));
		}
	}

	private static Map<String, Column> headers() {
		Map<String, Column> headers = new HashMap<>();
		for (String word : List.of("email", "e mail", "mail", "address", "email address", "dia chi email",
				"dia chi e mail", "thu dien tu", "dia chi thu dien tu", "hop thu")) {
			headers.put(word, Column.EMAIL);
		}
		for (String word : List.of("name", "full name", "ho ten", "ho va ten", "ten", "ho ten day du")) {
			headers.put(word, Column.NAME);
		}
		for (String word : List.of("village", "thon", "thon xom", "thon/xom", "xom", "thon, xom", "ban")) {
			headers.put(word, Column.VILLAGE);
		}
		for (String word : List.of("consent", "dong y", "dong y nhan thu", "consent given", "co dong y")) {
			headers.put(word, Column.CONSENT);
		}
		return Map.copyOf(headers);
	}

	/** What a column may hold. */
	enum Column {

		EMAIL, NAME, VILLAGE, CONSENT

	}

	/**
	 * The cells of a CSV file.
	 *
	 * @param headers the first row
	 * @param lines every other non-blank row
	 * @param delimiter the separator found, comma or semicolon
	 */
	record Table(List<String> headers, List<Line> lines, char delimiter) {
	}

	/**
	 * One row of a CSV file.
	 *
	 * @param number the line of the file it starts on, from 1 (the header)
	 * @param cells its cells
	 */
	record Line(int number, List<String> cells) {
	}

	/**
	 * Which column (from 0) holds what; {@code null} for none.
	 *
	 * @param email the address (required)
	 * @param name the name
	 * @param village the village
	 * @param consent the consent (required)
	 */
	record Mapping(Integer email, Integer name, Integer village, Integer consent) {
	}

	/**
	 * A row to add.
	 *
	 * @param line its line number
	 * @param person its address, name and village
	 */
	record Row(int line, ListMembers.Person person) {
	}

	/**
	 * A row refused.
	 *
	 * @param line its line number
	 * @param reason why
	 * @param detail the address, or the line of the first row with that address
	 */
	record Refusal(int line, Reason reason, String detail) {
	}

	/**
	 * What a file gives.
	 *
	 * @param rows the rows to add
	 * @param refused the rows refused
	 */
	record Plan(List<Row> rows, List<Refusal> refused) {
	}

	/** Why a row is refused. */
	enum Reason {

		/** The email cell is empty. */
		NO_ADDRESS,

		/** The email cell is not an address. */
		INVALID_ADDRESS,

		/** An earlier row has the same address. */
		DUPLICATE,

		/** The consent cell does not say yes. */
		NO_CONSENT,

		/** The address left, bounced or was suppressed by staff. */
		SUPPRESSED

	}

	/** A file that cannot be read at all, with the message key and arguments of why. */
	static final class Refused extends RuntimeException {

		private final String messageKey;

		private final transient Object[] args;

		Refused(String messageKey, Object... args) {
			super(messageKey);
			this.messageKey = messageKey;
			this.args = args;
		}

		String messageKey() {
			return this.messageKey;
		}

		Object[] args() {
			return this.args;
		}

	}

}
