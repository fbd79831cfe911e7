package vn.bantin.content;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the scheduler tells the content module about an item's life after approval. The
 * other direction of {@link ItemChanged}: publishing knows content, content knows nothing
 * of publishing.
 */
@Service
@Transactional
public class ItemLifecycle {

	/** The actor written in the item's history for the scheduler's changes. */
	public static final String SCHEDULER = "scheduler";

	private final ItemStore items;

	private final ItemEventStore events;

	private final ItemRevisionStore revisions;

	ItemLifecycle(ItemStore items, ItemEventStore events, ItemRevisionStore revisions) {
		this.items = items;
		this.events = events;
		this.revisions = revisions;
	}

	/**
	 * A person gave the item a new recording for the radio. It changes what the
	 * loudspeakers play, so it is a new revision like an edit: an approved or published
	 * item goes back to approval, and the recording airs only once that revision (or a
	 * later one) is approved. The approver hears it on the item's audio page.
	 * @param what the recording in words, for the history and the revision list
	 * @return the new revision, to be kept with the recording
	 * @throws IllegalArgumentException for an unknown item
	 * @throws IllegalStateException for an archived item
	 */
	public int recorded(String itemId, String actor, String what, Instant at) {
		Item item = this.items.findById(itemId).orElseThrow(() -> new IllegalArgumentException("No item " + itemId));
		if (item.status() == ItemStatus.ARCHIVED) {
			throw new IllegalStateException("Item " + itemId + " is archived");
		}
		boolean back = item.recorded(actor, at);
		this.events.save(new ItemEvent(itemId, at, actor, ItemChanged.Action.RECORDED,
				ItemEvent.revisionDetail(what, item.revision(), back)));
		this.revisions.save(ItemRevision.of(item, at, actor, "+ " + what));
		return item.revision();
	}

	/**
	 * The item went out on a channel at {@code at}: an approved item becomes published
	 * (written once in its history); an item already published, or since archived, stays
	 * as it is. Idempotent.
	 * @return whether the item's status changed
	 */
	public boolean published(String itemId, Instant at) {
		return this.items.findById(itemId).map((item) -> {
			boolean changed = item.published(at);
			if (changed) {
				this.events.save(new ItemEvent(itemId, at, SCHEDULER, ItemChanged.Action.PUBLISHED, null));
			}
			return changed;
		}).orElse(false);
	}

}
