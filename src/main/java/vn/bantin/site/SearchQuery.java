package vn.bantin.site;

import java.util.ArrayList;
import java.util.List;

import vn.bantin.text.VietnameseText;

/**
 * A search as it is run: what the resident typed, in NFC, its words separated by single
 * spaces, and at most {@value #MAX_TERMS} words and {@value #MAX_LENGTH} characters.
 *
 * <p>
 * Every word of a search costs a condition in the database query and a pass over each
 * candidate's text, so a query of thousands of words (pasted text, or a client that wants
 * to slow the site) cost many times a normal one. The words past the limit are dropped (a
 * first word longer than the whole limit is cut), and the page tells the resident that
 * the search was shortened, so nobody wonders why a word went unmarked.
 *
 * @param text the words searched, separated by single spaces; empty for no search
 * @param shortened whether words were dropped or cut from what was typed
 */
record SearchQuery(String text, boolean shortened) {

	/** Words searched at most; more add little and cost a condition each. */
	static final int MAX_TERMS = 12;

	/** Characters searched at most, spaces included. */
	static final int MAX_LENGTH = 200;

	/** The search for what was typed ({@code null} for nothing). */
	static SearchQuery of(String typed) {
		if (typed == null) {
			return new SearchQuery("", false);
		}
		String[] words = VietnameseText.nfc(typed).strip().split("[\\s\\p{Z}\\p{Cc}]+");
		List<String> kept = new ArrayList<>();
		int length = 0;
		boolean shortened = false;
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			int needed = length + (kept.isEmpty() ? 0 : 1) + word.codePointCount(0, word.length());
			if (kept.size() == MAX_TERMS || needed > MAX_LENGTH) {
				if (kept.isEmpty()) {
					kept.add(word.substring(0, word.offsetByCodePoints(0, MAX_LENGTH)));
				}
				shortened = true;
				break;
			}
			kept.add(word);
			length = needed;
		}
		return new SearchQuery(String.join(" ", kept), shortened);
	}

	/** Whether there is anything to search for. */
	boolean isEmpty() {
		return this.text.isEmpty();
	}

}
