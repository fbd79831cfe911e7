package vn.bantin.content;

import java.util.Locale;

/**
 * An item was created, edited, approved, rejected, published, archived or otherwise
 * changed, by anyone (editor, approver, content folder, API). Published inside the
 * transaction that changed it, once per line of the item's history, so that a listener
 * working in that transaction (the scheduler re-planning the item) commits or rolls back
 * with the change.
 *
 * @param itemId the item's id
 * @param action what happened, as the line in the item's history says
 */
public record ItemChanged(String itemId, Action action) {

	/**
	 * The topic under which other nodes hear of item changes
	 * ({@link vn.bantin.cluster.ChangedElsewhere}): {@value}.
	 */
	public static final String TOPIC = "items";

	/**
	 * What can happen to an item: one line of its history each. The {@link #key()} is
	 * what the history stores (column {@code item_event.action}) and what the history's
	 * messages ({@code item.event.*}) are named after, so a constant's key never changes.
	 */
	public enum Action {

		/** Made by an editor, the content folder or an announcement of a procedure. */
		CREATED,
		/** Its text or settings edited. */
		UPDATED,
		/** A file attached: a new revision. */
		ATTACHED,
		/** A recording taken in for the radio: a new revision. */
		RECORDED,
		/** An earlier revision brought back. */
		RESTORED,
		/** Sent to an approver. */
		SUBMITTED,
		/** One revision approved: from now on the scheduler may put it out. */
		APPROVED,
		/** Sent back to its author with a reason. */
		REJECTED,
		/** Its first channel took it. */
		PUBLISHED,
		/** Withdrawn from every channel. */
		ARCHIVED;

		/** The word stored in the item's history, e.g. {@code approved}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
