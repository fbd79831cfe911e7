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
 * One line of an item's audit log: who did what, when. Never changed once written.
 */
@Entity
@Table(name = "item_event")
class ItemEvent {

	/** The actor of changes that come from the content folder. */
	static final String CONTENT_FOLDER = "content folder";

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
	private Instant at;

	@Column(nullable = false, length = 200)
	private String actor;

	@Column(nullable = false, length = 30)
	private String action;

	@Column(length = 2000)
	private String detail;

	protected ItemEvent() {
	}

	ItemEvent(String itemId, Instant at, String actor, ItemChanged.Action action, String detail) {
		this.itemId = itemId;
		this.at = at;
		this.actor = actor;
		this.action = action.key();
		this.detail = detail;
	}

	/** Tells the other modules, when this line is saved, that the item changed. */
	@org.springframework.data.domain.DomainEvents
	java.util.List<ItemChanged> changed() {
		return java.util.List.of(new ItemChanged(this.itemId,
				ItemChanged.Action.valueOf(this.action.toUpperCase(java.util.Locale.ROOT))));
	}

	/** This event as the item's page shows it. */
	HistoryEntry entry() {
		return new HistoryEntry(this.at, this.actor, this.action, this.detail);
	}

	/** One line of an item's history, for display. */
	record HistoryEntry(Instant at, String actor, String action, String detail) {
	}

	String action() {
		return this.action;
	}

	String detail() {
		return this.detail;
	}

	String actor() {
		return this.actor;
	}

	Instant at() {
		return this.at;
	}

	/**
	 * The detail of a change that made a revision: its number, and whether it sent the
	 * item back to approval.
	 */
	static String revisionDetail(String what, int revision, boolean backToApproval) {
		return ((what != null) ? what + "; " : "") + "revision " + revision
				+ (backToApproval ? "; back to approval" : "");
	}

}
