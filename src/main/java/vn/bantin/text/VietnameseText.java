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

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	/** Longest slug {@link #slug} returns. */
	public static final int SLUG_MAX_LENGTH = 80;

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

	/**
	 * Returns {@code text} as a URL slug: {@link #fold folded} (no diacritics, đ to d,
	 * lower case), every run of characters other than ASCII letters and digits replaced
	 * by one {@code '-'}, no {@code '-'} at either end, and at most
	 * {@value #SLUG_MAX_LENGTH} characters, cut after a whole word unless that would lose
	 * more than half of them. For example "Thông báo: Lịch tiêm chủng tháng 12/2026!"
	 * becomes {@code thong-bao-lich-tiem-chung-thang-12-2026}.
	 *
	 * <p>
	 * The result is empty when {@code text} has no letter or digit that folds to ASCII
	 * (only punctuation, or another script); the caller then picks a fallback, and makes
	 * slugs unique. Returns {@code null} for {@code null}.
	 */
	public static String slug(String text) {
		if (text == null) {
			return null;
		}
		String slug = trimDashes(NOT_SLUG.matcher(fold(text)).replaceAll("-"));
		if (slug.length() <= SLUG_MAX_LENGTH) {
			return slug;
		}
		int cut = (slug.charAt(SLUG_MAX_LENGTH) == '-') ? SLUG_MAX_LENGTH : slug.lastIndexOf('-', SLUG_MAX_LENGTH - 1);
		// a cut that would lose more than half of the slug is worse than a cut inside a
		// word
		return trimDashes(slug.substring(0, (cut >= SLUG_MAX_LENGTH / 2) ? cut : SLUG_MAX_LENGTH));
	}

	private static String trimDashes(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		return text.substring(start, end);
	}

}
