package vn.bantin.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/**
 * One saved version of an item's text. Revisions are only ever added; restoring an old
 * one adds a new revision with its text.
 */
@Entity
@Table(name = "item_revision")
class ItemRevision {

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id", nullable = false, length = 100)
	private String itemId;

	@Column(nullable = false)
	private int number;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 200)
	private String actor;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(length = 500)
	private String summary;

	@Column(name = "body_markdown", nullable = false)
	private String bodyMarkdown;

	/** What else changed (an attachment, a recording), or null for a change of text. */
	@Column(length = 500)
	private String note;

	protected ItemRevision() {
	}

	ItemRevision(String itemId, int number, Instant at, String actor, String title, String summary, String bodyMarkdown,
			String note) {
		this.itemId = itemId;
		this.number = number;
		this.at = at;
		this.actor = actor;
		this.title = title;
		this.summary = summary;
		this.bodyMarkdown = bodyMarkdown;
		this.note = (note != null && note.length() > 500) ? note.substring(0, 500) : note;
	}

	/**
	 * The item as it is now, as its current revision: every change that reaches residents
	 * (edit, attachment, recording) is kept this way.
	 * @param note what else changed (an attachment, a recording), or null for the text
	 */
	static ItemRevision of(Item item, Instant at, String actor, String note) {
		ItemView view = item.view();
		return new ItemRevision(view.id(), view.revision(), at, actor, view.title(), view.summary(),
				view.bodyMarkdown(), note);
	}

	/** This revision as the history page shows it. */
	Entry entry() {
		return new Entry(this.number, this.at, this.actor, this.title, this.summary, this.bodyMarkdown, this.note);
	}

	/** A revision for display. */
	record Entry(int number, Instant at, String actor, String title, String summary, String bodyMarkdown, String note) {
	}

}
