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

	private final Items items;

	private final ItemEvents events;

	ItemLifecycle(Items items, ItemEvents events) {
		this.items = items;
		this.events = events;
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
				this.events.save(new ItemEvent(itemId, at, SCHEDULER, "published", null));
			}
			return changed;
		}).orElse(false);
	}

}
