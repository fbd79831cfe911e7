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

/**
 * A plan (kế hoạch) such as the commune's yearly plan for information on administrative
 * reform: its themes are what items point at and what reports count by.
 */
@Entity
@Table(name = "plan")
class Plan {

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

	protected Plan() {
	}

	Plan(String id) {
		this.id = id;
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
	}

	PlanView view() {
		return new PlanView(this.id, this.numberSymbol, this.title, this.issuer, this.issuedOn, this.periodStart,
				this.periodEnd,
				this.themes.stream().map((t) -> new PlanView.Theme(t.key, t.title, t.description)).toList(),
				this.sourceFile);
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
