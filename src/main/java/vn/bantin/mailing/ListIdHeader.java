package vn.bantin.mailing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.MimeUtility;

import vn.bantin.text.VietnameseText;

/**
 * The {@code List-Id} header (RFC 2919): the list's name as a phrase, then its id in
 * angle brackets, {@code "Thư cán bộ" <thu-can-bo.xa.gov.vn>}.
 *
 * <p>
 * The name is written so that the only angle brackets a reader meets are the id's. A name
 * of plain ASCII without brackets becomes a quoted string (RFC 5322, with {@code "} and
 * {@code \} escaped). Any other name (Vietnamese letters, or brackets as in
 * {@code Tin <x.y>}, which a reader could take for the id) becomes RFC 2047 encoded-words
 * in their phrase form: UTF-8, "Q" encoding with only letters, digits and {@code !*+-/}
 * left as they are, so {@code <}, {@code >}, {@code "} and {@code .} are encoded; each
 * word at most 75 characters, never splitting a character. An encoded-word may stand for
 * a word of a phrase but not appear inside a quoted string (RFC 2047 §5), so the two
 * forms are never mixed. Line breaks and other control characters in the name become
 * spaces.
 */
final class ListIdHeader {

	private static final int MAX_WORD = 75;

	private static final String PREFIX = "=?UTF-8?Q?";

	private static final String SUFFIX = "?=";

	private ListIdHeader() {
	}

	/**
	 * The header's value, folded.
	 * @param name the list's name as people read it
	 * @param key the list's key
	 * @param host the host that makes the id unique, e.g. the commune's website host
	 */
	static String of(String name, String key, String host) {
		String phrase = phrase(name);
		String id = "<" + key + "." + host + ">";
		return MimeUtility.fold(9, phrase.isEmpty() ? id : phrase + " " + id);
	}

	/**
	 * The name as an RFC 5322 phrase: a quoted string or encoded-words; empty for none.
	 */
	static String phrase(String name) {
		String text = (name != null) ? VietnameseText.nfc(name) : "";
		text = text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
		if (text.isEmpty()) {
			return "";
		}
		if (text.chars().allMatch((c) -> c >= 0x20 && c < 0x7F && c != '<' && c != '>')) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		return encodedWords(text);
	}

	private static String encodedWords(String text) {
		StringBuilder words = new StringBuilder();
		StringBuilder word = new StringBuilder();
		int room = MAX_WORD - PREFIX.length() - SUFFIX.length();
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			String encoded = encode(codePoint);
			if (word.length() + encoded.length() > room) {
				words.append(words.isEmpty() ? "" : " ").append(PREFIX).append(word).append(SUFFIX);
				word.setLength(0);
			}
			word.append(encoded);
			i += Character.charCount(codePoint);
		}
		words.append(words.isEmpty() ? "" : " ").append(PREFIX).append(word).append(SUFFIX);
		return words.toString();
	}

	private static String encode(int codePoint) {
		if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
				|| (codePoint >= '0' && codePoint <= '9') || "!*+-/".indexOf(codePoint) >= 0) {
			return Character.toString(codePoint);
		}
		if (codePoint == ' ') {
			return "_";
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
			encoded.append(String.format(Locale.ROOT, "=%02X", b & 0xFF));
		}
		return encoded.toString();
	}

}
