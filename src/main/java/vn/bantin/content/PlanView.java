package vn.bantin.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as other modules see it.
 *
 * @param id stable id (from the file's front matter)
 * @param numberSymbol number and symbol, e.g. {@code 102/KH-UBND}, or null
 * @param title the plan's title
 * @param issuer who issued it
 * @param issuedOn issue date, or null
 * @param periodStart first day the plan covers, or null
 * @param periodEnd last day the plan covers, or null
 * @param themes the themes (nội dung tuyên truyền), in the plan's order
 * @param sourceFile the file it was loaded from, relative to the content folder
 */
public record PlanView(String id, String numberSymbol, String title, String issuer, LocalDate issuedOn,
		LocalDate periodStart, LocalDate periodEnd, List<Theme> themes, String sourceFile) {

	public PlanView {
		themes = List.copyOf(themes);
	}

	/**
	 * One theme of a plan.
	 *
	 * @param key stable key that items refer to
	 * @param title short title
	 * @param description what the theme covers
	 */
	public record Theme(String key, String title, String description) {
	}

}
