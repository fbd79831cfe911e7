package vn.bantin.text;

/**
 * Cleans HTML pasted into the editor from Word, Google Docs or a website.
 *
 * <p>
 * The policy is the one {@link Markdown#toHtml} applies to its own output, so pasted HTML
 * and Markdown give exactly the same guarantees (see {@link Markdown} for the list of
 * what may remain). Before the policy applies, formatting that carries meaning is kept in
 * its allowed form: {@code b}, {@code i}, {@code s} and bold or italic
 * {@code span style}s become {@code strong}, {@code em} and {@code del}; Word's list
 * paragraphs ({@code mso-list}) become real lists; {@code div}s holding only text become
 * paragraphs. Word's noise ({@code mso-} styles, {@code <o:p>}, conditional comments,
 * spans, fonts, classes) disappears with the policy; empty paragraphs are removed.
 *
 * <p>
 * All methods are static, thread-safe and treat {@code null} as empty text. Input is
 * normalised to NFC first.
 */
public final class SafeHtml {

	private SafeHtml() {
	}

	/**
	 * Returns {@code pastedHtml} cleaned: an HTML fragment with only the elements,
	 * attributes and URL schemes that {@link Markdown} allows.
	 */
	public static String clean(String pastedHtml) {
		return Sanitizer.html(Sanitizer.clean(nfc(pastedHtml)));
	}

	/**
	 * Returns {@code pastedHtml}, cleaned, as Markdown for the editor: headings as
	 * {@code #}, paragraphs separated by blank lines, {@code **strong**}, {@code *em*},
	 * {@code `code`}, fenced code blocks, {@code - } and {@code 1. } lists, {@code > }
	 * quotes, links and images in Markdown syntax, tables as GFM tables (the first row
	 * being the header; colspan and rowspan are lost). {@code del}, {@code sup} and
	 * {@code sub} stay as inline HTML, which {@link Markdown#toHtml} allows. Text that
	 * Markdown would read as syntax is escaped. Rendering the result with
	 * {@link Markdown#toHtml} gives back the cleaned structure.
	 */
	public static String toMarkdown(String pastedHtml) {
		return MarkdownWriter.write(Sanitizer.clean(nfc(pastedHtml)));
	}

	private static String nfc(String html) {
		return (html != null) ? VietnameseText.nfc(html) : "";
	}

}
