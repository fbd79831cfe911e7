package vn.bantin.content;

/**
 * What the item list is filtered by; each null means "any".
 *
 * @param status only items in this status
 * @param kind only this kind
 * @param theme only items serving this theme key
 * @param channel only items going to this channel
 * @param priority only this priority
 * @param text words to find in title, summary, body and tags, ignoring diacritics and
 * case
 */
public record ItemQuery(ItemStatus status, ItemKind kind, String theme, Channel channel, Priority priority,
		String text) {

	/** No filter: every item. */
	public static ItemQuery all() {
		return new ItemQuery(null, null, null, null, null, null);
	}

}
