package vn.bantin.content;

/**
 * An item was created, edited, approved, rejected, published, archived or otherwise
 * changed, by anyone (editor, approver, content folder, API). Published inside the
 * transaction that changed it, once per line of the item's history, so that a listener
 * working in that transaction (the scheduler re-planning the item) commits or rolls back
 * with the change.
 *
 * @param itemId the item's id
 * @param action what happened, as in the item's history ({@code created},
 * {@code approved}, {@code archived}, ...)
 */
public record ItemChanged(String itemId, String action) {

}
