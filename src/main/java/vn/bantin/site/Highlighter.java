package vn.bantin.site;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import vn.bantin.text.VietnameseText;

/**
 * Marks the words of a search in a text, ignoring diacritics and case as the search does:
 * "cai cach" marks "cải cách". Folding is done character by character (code point by code
 * point), remembering for each folded character which original one it came from, so the
 * marks land on the original text even where a character folds to more or fewer
 * characters. The result is escaped HTML with {@code <mark>} elements.
 */
final class Highlighter {

	private final List<String> words;

	Highlighter(String query) {
		List<String> found = new ArrayList<>();
		if (query != null) {
			for (String word : VietnameseText.fold(VietnameseText.nfc(query)).strip().split("\\s+")) {
				if (!word.isEmpty()) {
					found.add(word);
				}
			}
		}
		this.words = List.copyOf(found);
	}

	/** Whether every word of the query occurs in {@code text}. */
	boolean matchesAll(String text) {
		String folded = VietnameseText.fold(VietnameseText.nfc((text != null) ? text : ""));
		return !this.words.isEmpty() && this.words.stream().allMatch(folded::contains);
	}

	/** {@code text} escaped, with every occurrence of a query word in a mark. */
	String mark(String text) {
		String original = VietnameseText.nfc((text != null) ? text : "");
		boolean[] marked = marks(original);
		StringBuilder html = new StringBuilder();
		boolean open = false;
		for (int i = 0; i < original.length(); i++) {
			if (marked[i] != open) {
				html.append(open ? "</mark>" : "<mark>");
				open = marked[i];
			}
			html.append(HtmlUtils.htmlEscape(String.valueOf(original.charAt(i)), "UTF-8"));
		}
		if (open) {
			html.append("</mark>");
		}
		return html.toString();
	}

	/**
	 * A piece of {@code text} of about {@code length} characters around its first match
	 * (its start when nothing matches), cut at spaces, with "…" where it was cut; escaped
	 * and marked.
	 */
	String snippet(String text, int length) {
		String original = VietnameseText.nfc((text != null) ? text : "").replaceAll("\\s+", " ").strip();
		if (original.length() <= length) {
			return mark(original);
		}
		boolean[] marked = marks(original);
		int first = 0;
		while (first < original.length() && !marked[first]) {
			first++;
		}
		int start = (first == original.length()) ? 0 : Math.max(0, first - length / 3);
		if (start > 0) {
			int space = original.indexOf(' ', start);
			start = (space >= 0 && space < first) ? space + 1 : start;
		}
		int end = Math.min(original.length(), start + length);
		if (end < original.length()) {
			int space = original.lastIndexOf(' ', end);
			end = (space > start) ? space : end;
		}
		return ((start > 0) ? "… " : "") + mark(original.substring(start, end))
				+ ((end < original.length()) ? " …" : "");
	}

	private boolean[] marks(String original) {
		StringBuilder folded = new StringBuilder();
		List<Integer> origins = new ArrayList<>();
		int i = 0;
		while (i < original.length()) {
			int count = Character.charCount(original.codePointAt(i));
			String piece = VietnameseText.fold(original.substring(i, i + count));
			for (int k = 0; k < piece.length(); k++) {
				origins.add(i);
			}
			folded.append(piece);
			i += count;
		}
		boolean[] marked = new boolean[original.length()];
		String haystack = folded.toString();
		for (String word : this.words) {
			int at = haystack.indexOf(word);
			while (at >= 0) {
				int from = origins.get(at);
				int last = origins.get(at + word.length() - 1);
				int to = last + Character.charCount(original.codePointAt(last));
				for (int k = from; k < to; k++) {
					marked[k] = true;
				}
				at = haystack.indexOf(word, at + 1);
			}
		}
		return marked;
	}

}
