package vn.bantin.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A radio script as an announcer (or espeak-ng) should read it: numbers, dates, times,
 * document numbers, phone numbers, percentages, units and abbreviations written out in
 * Vietnamese words. Digits and abbreviations are read badly by a speech synthesiser and
 * inconsistently by people ("105" must be "một trăm linh năm", "UBND" "ủy ban nhân dân"),
 * and a script's air time depends on the words actually spoken, not on the digits
 * written.
 *
 * <p>
 * Choices, where Vietnamese has more than one accepted form (the standard, northern forms
 * that official broadcasts use):
 * <ul>
 * <li>a zero tens digit is read "linh" (105: "một trăm linh năm"), not the southern
 * "lẻ";</li>
 * <li>a final 5 after a tens digit is "lăm" (15: "mười lăm", 25: "hai mươi lăm"), not
 * "nhăm"; after "linh" it stays "năm";</li>
 * <li>a final 1 after tens of 2 or more is "mốt", a final 4 is "tư" (21, 24); 11 and 14
 * stay "mười một", "mười bốn";</li>
 * <li>thousands are "nghìn" (not "ngàn"), billions "tỷ"; a group after a higher one is
 * read in full ("một nghìn không trăm linh năm"), an all-zero group is skipped;</li>
 * <li>dates read "ngày … tháng … năm …"; month 4 is "tư", month 1 is "một" (the solar
 * calendar: "giêng" belongs to the lunar one); days 1 to 10 take no "mùng";</li>
 * <li>a span of years "2021 - 2025" reads "… đến …", not a minus;</li>
 * <li>a document number "3153/QĐ-UBND" reads "số ba nghìn một trăm năm mươi ba, quyết
 * định, ủy ban nhân dân": officials say the number, then the kind and the issuer, and do
 * not read the slash; "số" is not repeated when the script already says it;</li>
 * <li>phone numbers read digit by digit, in the groups written (or 4-3-3 / 4-3-4 when
 * written without spaces), the groups separated by a pause (a comma);</li>
 * <li>a decimal comma reads "phẩy" and the decimals as a number ("2,25": "hai phẩy hai
 * mươi lăm"), leading zeros digit by digit ("2,05": "hai phẩy không năm").</li>
 * </ul>
 * Each kind of token is rewritten in its own pass, most specific first; every pass writes
 * only words, so that a later pass never reads digits an earlier one produced.
 */
public final class SpokenVietnamese {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

	private static final String NOT_IN_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";

	private static final String NOT_IN_WORD_AFTER = "(?![\\p{L}\\p{N}])";

	private static final Pattern DOCUMENT = Pattern.compile("(?:(?<so>[Ss]ố)\\s+)?" + NOT_IN_WORD_BEFORE
			+ "(?<number>\\d+)(?:/(?<year>\\d{4}))?/(?<kind>\\p{Lu}[\\p{Lu}\\p{N}&]*(?:-\\p{Lu}[\\p{Lu}\\p{N}&]*)*)"
			+ NOT_IN_WORD_AFTER);

	private static final Pattern PHONE = Pattern
		.compile("(?<![\\p{L}\\p{N}+])(?<prefix>\\+84[ .]?|0)(?<rest>\\d(?:[ .]?\\d){8,9})(?![\\p{N}])");

	/** A span of years, "giai đoạn 2021 - 2025": read "... đến ...", not as a minus. */
	private static final Pattern YEARS = Pattern
		.compile(NOT_IN_WORD_BEFORE + "(?<from>\\d{4})\\s*[-–—]\\s*(?<to>\\d{4})" + NOT_IN_WORD_AFTER);

	private static final Pattern DATE = Pattern.compile("(?:(?<ngay>[Nn]gày)\\s+)?" + NOT_IN_WORD_BEFORE
			+ "(?<day>\\d{1,2})(?<sep>[/-])(?<month>\\d{1,2})(?:\\k<sep>(?<year>\\d{4}))?" + NOT_IN_WORD_AFTER);

	private static final Pattern MONTH = Pattern
		.compile("(?<thang>[Tt]háng)\\s+(?<month>\\d{1,2})(?:/(?<year>\\d{4}))?" + NOT_IN_WORD_AFTER);

	private static final Pattern TIME = Pattern.compile(NOT_IN_WORD_BEFORE
			+ "(?<hour>\\d{1,2})(?:h|:|\\s+giờ\\s*)(?<minute>\\d{2})?(?:')?(?!\\s*phút)" + NOT_IN_WORD_AFTER);

	private static final String UNITS = "km²|km2|km|m²|m2|m³|m3|mm|cm|ha|kg|tấn|VNĐ|VND|đồng|đ|m";

	private static final Map<String, String> UNIT_READINGS = Map.ofEntries(Map.entry("km²", "ki-lô-mét vuông"),
			Map.entry("km2", "ki-lô-mét vuông"), Map.entry("km", "ki-lô-mét"), Map.entry("m²", "mét vuông"),
			Map.entry("m2", "mét vuông"), Map.entry("m³", "mét khối"), Map.entry("m3", "mét khối"),
			Map.entry("mm", "mi-li-mét"), Map.entry("cm", "xăng-ti-mét"), Map.entry("ha", "héc-ta"),
			Map.entry("kg", "ki-lô-gam"), Map.entry("tấn", "tấn"), Map.entry("VNĐ", "đồng"), Map.entry("VND", "đồng"),
			Map.entry("đồng", "đồng"), Map.entry("đ", "đồng"), Map.entry("m", "mét"), Map.entry("%", "phần trăm"));

	private static final Pattern NUMBER = Pattern
		.compile("(?<![\\p{N}])(?<whole>\\d{1,3}(?:\\.\\d{3})+|\\d{1,3}(?: \\d{3})+" + NOT_IN_WORD_AFTER
				+ "|\\d+)(?:,(?<decimals>\\d+))?(?:\\s?(?<unit>%|(?:" + UNITS + ")" + NOT_IN_WORD_AFTER + "))?");

	private final Map<String, String> abbreviations;

	private final Pattern abbreviation;

	/**
	 * @param abbreviations the dictionary of abbreviations to expand
	 */
	public SpokenVietnamese(Abbreviations abbreviations) {
		this.abbreviations = abbreviations.entries();
		if (this.abbreviations.isEmpty()) {
			this.abbreviation = null;
		}
		else {
			// longest first, so that "QĐ-UBND" wins over "QĐ"
			String alternatives = this.abbreviations.keySet()
				.stream()
				.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Function.identity()))
				.map(Pattern::quote)
				.collect(Collectors.joining("|"));
			this.abbreviation = Pattern.compile(NOT_IN_WORD_BEFORE + "(?:" + alternatives + ")" + NOT_IN_WORD_AFTER);
		}
	}

	/**
	 * The script with every number, date, time, document number, phone number,
	 * percentage, unit and known abbreviation written as it is read aloud.
	 * @param script plain text (e.g. {@link Markdown#toSpokenText}); {@code null} reads
	 * as empty
	 */
	public String read(String script) {
		if (script == null) {
			return "";
		}
		String text = VietnameseText.nfc(script);
		text = replace(DOCUMENT, text, this::document);
		text = replace(PHONE, text, SpokenVietnamese::phone);
		text = replace(YEARS, text,
				(m) -> number(Long.parseLong(m.group("from"))) + " đến " + number(Long.parseLong(m.group("to"))));
		text = replace(DATE, text, SpokenVietnamese::date);
		text = replace(MONTH, text, SpokenVietnamese::month);
		text = replace(TIME, text, SpokenVietnamese::time);
		text = replace(NUMBER, text, SpokenVietnamese::number);
		if (this.abbreviation != null) {
			text = replace(this.abbreviation, text, (m) -> this.abbreviations.get(m.group()));
		}
		return text;
	}

	/**
	 * A whole number in words: 105 is "một trăm linh năm", 1 000 000 000 000 "một nghìn
	 * tỷ".
	 * @param number at least 0
	 */
	public static String number(long number) {
		if (number < 0) {
			throw new IllegalArgumentException("number: must be at least 0, was " + number);
		}
		if (number == 0) {
			return DIGITS[0];
		}
		return join(words(number, false));
	}

	private static List<String> words(long number, boolean full) {
		List<String> words = new ArrayList<>();
		long billions = number / 1_000_000_000L;
		long rest = number % 1_000_000_000L;
		if (billions > 0) {
			words.addAll(words(billions, full));
			words.add("tỷ");
			full = true;
		}
		long[] groups = { rest / 1_000_000, rest / 1_000 % 1_000, rest % 1_000 };
		String[] names = { "triệu", "nghìn", "" };
		for (int i = 0; i < groups.length; i++) {
			if (groups[i] == 0) {
				continue;
			}
			words.addAll(belowThousand((int) groups[i], full));
			if (!names[i].isEmpty()) {
				words.add(names[i]);
			}
			full = true;
		}
		return words;
	}

	/**
	 * @param full whether a higher group came before, so that "không trăm" and "linh" are
	 * said
	 */
	private static List<String> belowThousand(int number, boolean full) {
		List<String> words = new ArrayList<>();
		int hundreds = number / 100;
		int tens = number / 10 % 10;
		int units = number % 10;
		if (hundreds > 0 || full) {
			words.add(DIGITS[hundreds]);
			words.add("trăm");
		}
		if (tens == 0) {
			if (units > 0) {
				if (!words.isEmpty()) {
					words.add("linh");
				}
				words.add(DIGITS[units]);
			}
		}
		else if (tens == 1) {
			words.add("mười");
			if (units > 0) {
				words.add((units == 5) ? "lăm" : DIGITS[units]);
			}
		}
		else {
			words.add(DIGITS[tens]);
			words.add("mươi");
			if (units == 1) {
				words.add("mốt");
			}
			else if (units == 4) {
				words.add("tư");
			}
			else if (units == 5) {
				words.add("lăm");
			}
			else if (units > 0) {
				words.add(DIGITS[units]);
			}
		}
		return words;
	}

	/** Digits one by one: "0912" is "không chín một hai". */
	static String digits(String digits) {
		return digits.chars()
			.filter(Character::isDigit)
			.mapToObj((c) -> DIGITS[c - '0'])
			.collect(Collectors.joining(" "));
	}

	private static String number(Matcher m) {
		String whole = m.group("whole");
		String decimals = m.group("decimals");
		String unit = m.group("unit");
		String digitsOnly = whole.replaceAll("[. ]", "");
		StringBuilder spoken = new StringBuilder();
		if (digitsOnly.length() > 15) {
			// longer than any quantity a commune announces: an id, read digit by digit
			spoken.append(digits(digitsOnly));
		}
		else {
			spoken.append(number(Long.parseLong(digitsOnly)));
		}
		if (decimals != null) {
			spoken.append(" phẩy ").append(decimals(decimals));
		}
		if (unit != null) {
			spoken.append(' ').append(UNIT_READINGS.get(unit));
		}
		return spoken.toString();
	}

	private static String decimals(String decimals) {
		int zeros = 0;
		while (zeros < decimals.length() - 1 && decimals.charAt(zeros) == '0') {
			zeros++;
		}
		String rest = decimals.substring(zeros);
		String restSpoken = (rest.length() > 15) ? digits(rest) : number(Long.parseLong(rest));
		return (zeros == 0) ? restSpoken : digits(decimals.substring(0, zeros)) + " " + restSpoken;
	}

	private String document(Matcher m) {
		List<String> parts = new ArrayList<>();
		String so = (m.group("so") != null) ? m.group("so") : "số";
		String head = so + " " + number(Long.parseLong(m.group("number")));
		if (m.group("year") != null) {
			head += " năm " + number(Long.parseLong(m.group("year")));
		}
		parts.add(head);
		for (String part : m.group("kind").split("-")) {
			parts.add(this.abbreviations.getOrDefault(part, part));
		}
		return String.join(", ", parts);
	}

	private static String phone(Matcher m) {
		String prefix = m.group("prefix").strip().replace(".", "");
		String rest = m.group("rest");
		int count = (int) rest.chars().filter(Character::isDigit).count();
		if (count < 9 || count > 10) {
			return m.group();
		}
		List<String> groups = new ArrayList<>();
		boolean national = prefix.equals("0");
		if (rest.matches("\\d+")) {
			String all = national ? "0" + rest : rest;
			int first = national ? 4 : 3;
			groups.add(all.substring(0, first));
			int at = first;
			while (all.length() - at > 4) {
				groups.add(all.substring(at, at + 3));
				at += 3;
			}
			groups.add(all.substring(at));
		}
		else {
			String[] written = rest.split("[ .]");
			if (national) {
				written[0] = "0" + written[0];
			}
			groups.addAll(List.of(written));
		}
		List<String> spoken = new ArrayList<>();
		if (!national) {
			spoken.add("cộng tám bốn");
		}
		groups.forEach((group) -> spoken.add(digits(group)));
		return String.join(", ", spoken);
	}

	private static String date(Matcher m) {
		int day = Integer.parseInt(m.group("day"));
		int month = Integer.parseInt(m.group("month"));
		String year = m.group("year");
		boolean said = m.group("ngay") != null;
		if (day < 1 || day > 31 || month < 1 || month > 12 || (!said && year == null)) {
			// "1/2" alone may be a fraction or a list: only a year or "ngày" makes it a
			// date
			return m.group();
		}
		String spoken = (said ? m.group("ngay") : "ngày") + " " + number(day) + " tháng " + month(month);
		return (year != null) ? spoken + " năm " + number(Long.parseLong(year)) : spoken;
	}

	private static String month(Matcher m) {
		int month = Integer.parseInt(m.group("month"));
		if (month < 1 || month > 12) {
			return m.group();
		}
		String spoken = m.group("thang") + " " + month(month);
		String year = m.group("year");
		return (year != null) ? spoken + " năm " + number(Long.parseLong(year)) : spoken;
	}

	private static String month(int month) {
		return (month == 4) ? "tư" : number(month);
	}

	private static String time(Matcher m) {
		int hour = Integer.parseInt(m.group("hour"));
		String minuteText = m.group("minute");
		int minute = (minuteText != null) ? Integer.parseInt(minuteText) : 0;
		boolean colon = m.group().contains(":");
		if (hour > 24 || minute > 59 || (colon && minuteText == null)) {
			return m.group();
		}
		if (m.group().contains("giờ") && minuteText == null) {
			// "7 giờ" needs nothing more than its number
			return number(hour) + " giờ" + (m.group().endsWith(" ") ? " " : "");
		}
		String spoken = number(hour) + " giờ";
		return (minute > 0) ? spoken + " " + number(minute) + " phút" : spoken;
	}

	private static String replace(Pattern pattern, String text, Function<Matcher, String> spoken) {
		Matcher m = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(spoken.apply(m)));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String join(List<String> words) {
		return String.join(" ", words);
	}

}
