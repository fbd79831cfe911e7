package vn.bantin.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.bantin.system.YamlFields;

/**
 * A plan file ({@code plans/*.md}): front matter with the plan's number, issuer, period,
 * themes and sections, then the plan's text in Markdown. The format is described in
 * {@code content/README.md}.
 */
record PlanFile(String id, String numberSymbol, String title, String issuer, LocalDate issuedOn, LocalDate periodStart,
		LocalDate periodEnd, List<PlanView.Theme> themes, PlanView.Sections sections, String body) {

	static final Set<String> FIELDS = Set.of("id", "kind", "number", "title", "issuer", "issued", "period", "themes",
			"legal-bases", "purposes", "requirements", "channels", "responsibilities");

	/** This file with another id: the slug keyed by the commune it loads into. */
	PlanFile withId(String id) {
		return new PlanFile(id, this.numberSymbol, this.title, this.issuer, this.issuedOn, this.periodStart,
				this.periodEnd, this.themes, this.sections, this.body);
	}

	private static final Set<String> THEME_FIELDS = Set.of("key", "title", "description");

	private static final Set<String> RESPONSIBILITY_FIELDS = Set.of("unit", "duties", "reporting");

	/**
	 * The outcome of reading one file: a plan, or the problems that kept it from loading.
	 */
	record Reading(PlanFile plan, List<ContentProblem> problems) {

		boolean ok() {
			return this.plan != null;
		}

	}

	static Reading parse(String path, String source) {
		FrontMatter file = FrontMatter.read(path, source, FIELDS);
		if (file.fields().isEmpty()) {
			return new Reading(null, file.problems());
		}
		YamlFields fields = file.fields().get();
		String id = fields.id("id", true);
		String kind = fields.text("kind", false, 20);
		if (kind != null && !kind.equals("plan")) {
			fields.problem("kind", ": a file in plans/ must say 'plan', not '" + kind + "'");
		}
		String title = fields.text("title", true, 300);
		String issuer = fields.text("issuer", true, 200);
		String number = fields.text("number", false, 50);
		LocalDate issued = fields.date("issued", false);
		LocalDate from = null;
		LocalDate to = null;
		YamlFields period = fields.fields("period", Set.of("from", "to"));
		if (period != null) {
			from = period.date("from", false);
			to = period.date("to", false);
			if (from != null && to != null && to.isBefore(from)) {
				period.problem("to", ": " + to + " is before period.from " + from);
			}
		}
		List<PlanView.Theme> themes = themes(fields);
		PlanView.Sections sections = new PlanView.Sections(fields.texts("legal-bases", 1000),
				fields.texts("purposes", 2000), fields.texts("requirements", 2000), fields.texts("channels", 1000),
				responsibilities(fields));
		if (file.hasProblems()) {
			return new Reading(null, file.problems());
		}
		return new Reading(new PlanFile(id, number, title, issuer, issued, from, to, themes, sections, file.body()),
				List.of());
	}

	private static List<PlanView.Theme> themes(YamlFields fields) {
		List<PlanView.Theme> themes = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (YamlFields theme : fields.list("themes", THEME_FIELDS)) {
			String key = theme.id("key", true);
			String title = theme.text("title", true, 300);
			String description = theme.text("description", false, 4000);
			if (key != null && !keys.add(key)) {
				theme.problem("key", ": '" + key + "' is used twice");
			}
			else if (key != null && title != null) {
				themes.add(new PlanView.Theme(key, title, (description != null) ? description : ""));
			}
		}
		return themes;
	}

	private static List<PlanView.Responsibility> responsibilities(YamlFields fields) {
		List<PlanView.Responsibility> list = new ArrayList<>();
		for (YamlFields entry : fields.list("responsibilities", RESPONSIBILITY_FIELDS)) {
			String unit = entry.text("unit", true, 300);
			List<String> duties = entry.texts("duties", 2000);
			String reporting = entry.text("reporting", false, 300);
			if (unit != null) {
				list.add(new PlanView.Responsibility(unit, duties, reporting));
			}
		}
		return list;
	}

}
