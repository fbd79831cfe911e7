package vn.bantin.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What an author writes in the web editor or sends through the API: everything about an
 * item but its status, which only the workflow changes.
 *
 * @param kind news, announcement, procedure or document
 * @param title the title (required, at most 300 characters)
 * @param summary one or two sentences, or null
 * @param body the text in Markdown
 * @param themes theme keys of the plans
 * @param tags free tags (lower-case, '-')
 * @param zones target villages; empty for the whole commune
 * @param priority radio bulletin level
 * @param publishAt earliest time it may go out, or null for "once approved"
 * @param expireAt when it stops being shown or played, or null
 * @param channels where it goes out (at least one)
 * @param emailSubject mail subject, or null for the title
 * @param emailIntro mail introduction, or null for the summary
 * @param radioScript text to read aloud, or null for title and body as spoken text
 * @param feedSummary feed summary, or null for the summary
 * @param document a document's details (kind {@code document} only), or null
 * @param procedure a procedure's details (kind {@code procedure} only), or null; its
 * history is kept by the item
 * @param onExpiry what residents still see of it once expired; null for the archive
 */
record ItemDraft(ItemKind kind, String title, String summary, String body, List<String> themes, List<String> tags,
		List<String> zones, Priority priority, Instant publishAt, Instant expireAt, Set<Channel> channels,
		String emailSubject, String emailIntro, String radioScript, String feedSummary, ItemView.Document document,
		ItemView.Procedure procedure, OnExpiry onExpiry) {

	/** A draft kept in the archive once expired. */
	ItemDraft(ItemKind kind, String title, String summary, String body, List<String> themes, List<String> tags,
			List<String> zones, Priority priority, Instant publishAt, Instant expireAt, Set<Channel> channels,
			String emailSubject, String emailIntro, String radioScript, String feedSummary, ItemView.Document document,
			ItemView.Procedure procedure) {
		this(kind, title, summary, body, themes, tags, zones, priority, publishAt, expireAt, channels, emailSubject,
				emailIntro, radioScript, feedSummary, document, procedure, OnExpiry.ARCHIVE);
	}

	/**
	 * A draft of a news item or announcement, which carries no document or procedure
	 * details.
	 */
	ItemDraft(ItemKind kind, String title, String summary, String body, List<String> themes, List<String> tags,
			List<String> zones, Priority priority, Instant publishAt, Instant expireAt, Set<Channel> channels,
			String emailSubject, String emailIntro, String radioScript, String feedSummary) {
		this(kind, title, summary, body, themes, tags, zones, priority, publishAt, expireAt, channels, emailSubject,
				emailIntro, radioScript, feedSummary, null, null, OnExpiry.ARCHIVE);
	}

}
