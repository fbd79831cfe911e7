package vn.bantin.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line difference between two texts (longest common subsequence), for comparing
 * revisions of an item. Texts of items are short, so the quadratic table is fine; beyond
 * {@value #MAX_LINES} lines the whole texts are shown as removed and added.
 */
final class LineDiff {

	static final int MAX_LINES = 2000;

	private LineDiff() {
	}

	/** One line of a difference. */
	record Line(Kind kind, String text) {

		enum Kind {

			SAME, ADDED, REMOVED

		}

	}

	static List<Line> between(String before, String after) {
		String[] a = (before == null || before.isEmpty()) ? new String[0] : before.split("\n", -1);
		String[] b = (after == null || after.isEmpty()) ? new String[0] : after.split("\n", -1);
		List<Line> lines = new ArrayList<>();
		if (a.length > MAX_LINES || b.length > MAX_LINES) {
			for (String line : a) {
				lines.add(new Line(Line.Kind.REMOVED, line));
			}
			for (String line : b) {
				lines.add(new Line(Line.Kind.ADDED, line));
			}
			return lines;
		}
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i].equals(b[j])) {
				lines.add(new Line(Line.Kind.SAME, a[i]));
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				lines.add(new Line(Line.Kind.REMOVED, a[i++]));
			}
			else {
				lines.add(new Line(Line.Kind.ADDED, b[j++]));
			}
		}
		while (i < a.length) {
			lines.add(new Line(Line.Kind.REMOVED, a[i++]));
		}
		while (j < b.length) {
			lines.add(new Line(Line.Kind.ADDED, b[j++]));
		}
		return lines;
	}

}
