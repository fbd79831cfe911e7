package vn.bantin.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/**
 * A plan (kế hoạch) such as the commune's yearly plan for information on administrative
 * reform: its themes are what items point at and what reports count by.
 */
@Entity
@Table(name = "plan")
class Plan {

	private static final String LEGAL_BASIS = "legal-basis";

	private static final String PURPOSE = "purpose";

	private static final String REQUIREMENT = "requirement";

	private static final String CHANNEL = "channel";

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@Column(length = 100)
	private String id;

	@Column(name = "number_symbol", length = 50)
	private String numberSymbol;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(nullable = false, length = 200)
	private String issuer;

	@Column(name = "issued_on")
	private LocalDate issuedOn;

	@Column(name = "period_start")
	private LocalDate periodStart;

	@Column(name = "period_end")
	private LocalDate periodEnd;

	@Column(name = "body_markdown", nullable = false)
	private String bodyMarkdown;

	@Column(name = "source_file", nullable = false, length = 500)
	private String sourceFile;

	@Column(name = "loaded_at", nullable = false)
	private Instant loadedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "plan_theme", joinColumns = @JoinColumn(name = "plan_id"))
	@OrderColumn(name = "position")
	private List<Theme> themes = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "plan_section_entry", joinColumns = @JoinColumn(name = "plan_id"))
	@OrderColumn(name = "position")
	private List<SectionEntry> sectionEntries = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "plan_responsibility", joinColumns = @JoinColumn(name = "plan_id"))
	@OrderColumn(name = "position")
	private List<Duty> responsibilities = new ArrayList<>();

	protected Plan() {
	}

	Plan(String id) {
		this.id = id;
	}

	/**
	 * Whether the file says what the plan holds already (its time of loading aside): a
	 * load that finds it so writes nothing, so that a folder loaded again (by another
	 * node, after a restart) applies each unchanged plan file no second time.
	 */
	boolean unchangedBy(PlanFile file, String sourceFile) {
		Plan fresh = new Plan(this.id);
		fresh.refresh(file, sourceFile, this.loadedAt);
		return fresh.signature().equals(signature());
	}

	/** Everything the file decides, as one list of values. */
	private List<Object> signature() {
		List<Object> values = new ArrayList<>(java.util.Arrays.asList(this.numberSymbol, this.title, this.issuer,
				this.issuedOn, this.periodStart, this.periodEnd, this.bodyMarkdown, this.sourceFile));
		this.themes.forEach((t) -> values.addAll(java.util.Arrays.asList("theme", t.key, t.title, t.description)));
		this.sectionEntries.forEach((e) -> values.addAll(java.util.Arrays.asList("section", e.section, e.text)));
		this.responsibilities
			.forEach((d) -> values.addAll(java.util.Arrays.asList("duty", d.unit, d.duties, d.reporting)));
		return values;
	}

	/** Replaces everything but the id with what the file says now. */
	void refresh(PlanFile file, String sourceFile, Instant now) {
		this.numberSymbol = file.numberSymbol();
		this.title = file.title();
		this.issuer = file.issuer();
		this.issuedOn = file.issuedOn();
		this.periodStart = file.periodStart();
		this.periodEnd = file.periodEnd();
		this.bodyMarkdown = file.body();
		this.sourceFile = sourceFile;
		this.loadedAt = now;
		// A new list, not the old one refilled: Hibernate then deletes the stored themes
		// before inserting these, whereas updating the rows in place by position breaks
		// the unique theme key as soon as two themes change places.
		this.themes = new ArrayList<>();
		file.themes().forEach((t) -> this.themes.add(new Theme(t.key(), t.title(), t.description())));
		this.sectionEntries = new ArrayList<>();
		PlanView.Sections sections = file.sections();
		sections.legalBases().forEach((text) -> this.sectionEntries.add(new SectionEntry(LEGAL_BASIS, text)));
		sections.purposes().forEach((text) -> this.sectionEntries.add(new SectionEntry(PURPOSE, text)));
		sections.requirements().forEach((text) -> this.sectionEntries.add(new SectionEntry(REQUIREMENT, text)));
		sections.channels().forEach((text) -> this.sectionEntries.add(new SectionEntry(CHANNEL, text)));
		this.responsibilities = new ArrayList<>();
		sections.responsibilities()
			.forEach(
					(r) -> this.responsibilities.add(new Duty(r.unit(), String.join("\n", r.duties()), r.reporting())));
	}

	private List<String> section(String name) {
		return this.sectionEntries.stream().filter((e) -> e.section.equals(name)).map((e) -> e.text).toList();
	}

	String bodyMarkdown() {
		return this.bodyMarkdown;
	}

	PlanView view() {
		return new PlanView(this.id, this.numberSymbol, this.title, this.issuer, this.issuedOn, this.periodStart,
				this.periodEnd,
				this.themes.stream().map((t) -> new PlanView.Theme(t.key, t.title, t.description)).toList(),
				new PlanView.Sections(section(LEGAL_BASIS), section(PURPOSE), section(REQUIREMENT), section(CHANNEL),
						this.responsibilities.stream()
							.map((d) -> new PlanView.Responsibility(d.unit,
									d.duties.isEmpty() ? List.of() : List.of(d.duties.split("\n")), d.reporting))
							.toList()),
				this.sourceFile);
	}

	@Embeddable
	static class SectionEntry {

		@Column(name = "section", nullable = false, length = 20)
		private String section;

		@Column(name = "entry_text", nullable = false, length = 2000)
		private String text;

		protected SectionEntry() {
		}

		SectionEntry(String section, String text) {
			this.section = section;
			this.text = text;
		}

	}

	@Embeddable
	static class Duty {

		@Column(nullable = false, length = 300)
		private String unit;

		@Column(nullable = false)
		private String duties;

		@Column(length = 300)
		private String reporting;

		protected Duty() {
		}

		Duty(String unit, String duties, String reporting) {
			this.unit = unit;
			this.duties = duties;
			this.reporting = reporting;
		}

	}

	@Embeddable
	static class Theme {

		@Column(name = "theme_key", nullable = false, length = 60)
		private String key;

		@Column(nullable = false, length = 300)
		private String title;

		@Column(nullable = false, length = 4000)
		private String description;

		protected Theme() {
		}

		Theme(String key, String title, String description) {
			this.key = key;
			this.title = title;
			this.description = description;
		}

	}

}
