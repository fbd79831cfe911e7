package vn.bantin.content;

import java.time.Instant;
import java.util.List;

/**
 * An item in the JSON API. Times are ISO-8601 instants; kind, status, priority and
 * channels are their words ({@code announcement}, {@code emergency}, {@code radio}).
 *
 * @param id stable id, also its address on the site
 * @param kind news, announcement, procedure or document
 * @param title the title
 * @param summary one or two sentences, or null
 * @param body the text in Markdown
 * @param themes plan theme keys
 * @param tags free tags
 * @param zones target villages; empty for the whole commune
 * @param priority normal, priority or emergency
 * @param author who wrote it, or null
 * @param status draft, submitted, approved, rejected, published or archived
 * @param approvedBy who approved it, or null
 * @param publishAt earliest time it may go out, or null for "once approved"
 * @param expireAt when it stops being shown or played, or null
 * @param channels web, feed, email, radio
 * @param sourceFile the content file it comes from (then read-only here), or null
 * @param updatedAt when its content last changed
 * @param variants texts for single channels
 * @param onExpiry archive (kept in the site's archive once expired) or remove
 * @param revision the current revision: an approval names it, and is refused (409) once
 * the item has a newer one
 * @param approvedRevision the revision approved last, or null
 * @param lastEditedBy who made the current revision (with four-eyes on, not its
 * approver), or null for a content file
 */
record ItemJson(String id, String kind, String title, String summary, String body, List<String> themes,
		List<String> tags, List<String> zones, String priority, String author, String status, String approvedBy,
		Instant publishAt, Instant expireAt, List<String> channels, String sourceFile, Instant updatedAt,
		VariantsJson variants, String onExpiry, int revision, Integer approvedRevision, String lastEditedBy) {

	static ItemJson of(ItemView item) {
		return new ItemJson(ItemKeys.slug(item.id()), item.kind().key(), item.title(), item.summary(),
				item.bodyMarkdown(), List.copyOf(item.themes()), List.copyOf(item.tags()), List.copyOf(item.zones()),
				item.priority().key(), item.author(), item.status().key(), item.approvedBy(), item.publishAt(),
				item.expireAt(), item.channels().stream().sorted().map(Channel::key).toList(), item.sourceFile(),
				item.updatedAt(),
				new VariantsJson(item.variants().emailSubject(), item.variants().emailIntro(),
						item.variants().radioScript(), item.variants().radioRecording(), item.variants().feedSummary()),
				item.onExpiry().key(), item.revision(), item.approvedRevision(), item.lastEditedBy());
	}

	/**
	 * Per-channel texts; each null when the item's own text serves.
	 *
	 * @param emailSubject mail subject
	 * @param emailIntro mail introduction
	 * @param radioScript text to read aloud
	 * @param radioRecording recorded audio (read-only: set in content files)
	 * @param feedSummary feed summary
	 */
	record VariantsJson(String emailSubject, String emailIntro, String radioScript, String radioRecording,
			String feedSummary) {
	}

	/**
	 * What {@code POST /api/items} and {@code PUT /api/items/{id}} take: everything but
	 * the status, which only the workflow changes. A PUT replaces the whole item.
	 *
	 * @param kind news, announcement, procedure or document (required)
	 * @param title the title (required, at most 300 characters)
	 * @param summary one or two sentences
	 * @param body the text in Markdown
	 * @param themes plan theme keys
	 * @param tags free tags
	 * @param zones target villages; empty for the whole commune
	 * @param priority normal (default), priority or emergency
	 * @param publishAt ISO-8601 time with offset, or null for "once approved"
	 * @param expireAt ISO-8601 time with offset, or null
	 * @param channels web, feed, email, radio; all of them when left out
	 * @param variants texts for single channels ({@code radioRecording} is ignored)
	 * @param onExpiry archive (default) or remove: whether the site keeps it once expired
	 */
	record Input(String kind, String title, String summary, String body, List<String> themes, List<String> tags,
			List<String> zones, String priority, String publishAt, String expireAt, List<String> channels,
			VariantsJson variants, String onExpiry) {

		Input(String kind, String title, String summary, String body, List<String> themes, List<String> tags,
				List<String> zones, String priority, String publishAt, String expireAt, List<String> channels,
				VariantsJson variants) {
			this(kind, title, summary, body, themes, tags, zones, priority, publishAt, expireAt, channels, variants,
					null);
		}

	}

	/**
	 * One page of items.
	 *
	 * @param items the items, most recently changed first
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param totalItems how many items match
	 * @param totalPages how many pages there are
	 */
	record Page(List<ItemJson> items, int page, int size, long totalItems, int totalPages) {
	}

	/**
	 * @param comment why the item goes back to its author (required)
	 */
	record Rejection(String comment) {
	}

	/**
	 * An approval: the revision the approver saw (also accepted as the query parameter
	 * {@code revision}).
	 *
	 * @param revision the item's revision as the approver read it
	 */
	record Approval(Integer revision) {
	}

}
