package vn.bantin.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for Vietnamese text that every channel relies on.
 *
 * <p>
 * Text pasted from Word or typed on some phones arrives decomposed (a base letter
 * followed by combining marks). Stored decomposed, it breaks search, sorting, file names
 * and mail headers, so all input is normalised to NFC on the way in. Searching compares
 * {@link #fold folded} text, so that "cai cach" finds "cải cách".
 */
public final class VietnameseText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private VietnameseText() {
	}

	/**
	 * Returns {@code text} in Unicode NFC, or {@code null} for {@code null}.
	 */
	public static String nfc(String text) {
		if (text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
			return text;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	/**
	 * Returns {@code text} without diacritics and in lower case, for comparisons that
	 * ignore both: "Hoằng Hóa" and "HOANG HOA" fold to the same "hoang hoa". Đ/đ, which
	 * is a letter rather than a D with a mark, folds to d.
	 */
	public static String fold(String text) {
		if (text == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return bare.toLowerCase(Locale.ROOT);
	}

}
