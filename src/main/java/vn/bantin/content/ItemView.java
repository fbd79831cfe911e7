package vn.bantin.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An item as other modules see it.
 *
 * @param id stable id, also its address on the site
 * @param kind news, announcement, procedure or document
 * @param title the title
 * @param summary one or two sentences, or null
 * @param bodyMarkdown the text in Markdown
 * @param themes keys of the plan themes it serves
 * @param tags free tags
 * @param zones target villages or speaker clusters; empty for the whole commune
 * @param priority radio bulletin level
 * @param author who wrote it, or null
 * @param status where it is in its life
 * @param approvedBy who approved it, or null
 * @param publishAt earliest time it may go out, or null for "once approved"
 * @param expireAt when it stops being shown or played, or null
 * @param channels where it goes out
 * @param sourceFile the content file it comes from (read-only in the editor), or null
 * @param updatedAt when its content last changed
 * @param variants what the author wrote for single channels
 * @param attachments attached images, documents and audio, in order
 * @param document what a legal document carries, or null for other kinds
 * @param procedure what an administrative procedure carries, or null for other kinds
 * @param approvedAt when it was last approved, or null when it never was
 * @param publishedAt when the scheduler first put it out, or null before that
 * @param onExpiry what residents still see of it once it has expired
 * @param revision counts every change that would reach residents (text, settings,
 * attachments, recordings, a new version of its file); an approval names the one it
 * approves
 * @param approvedRevision the revision approved last, or null while none was
 * @param lastEditedBy who made the current revision, or null for a content file
 */
public record ItemView(String id, ItemKind kind, String title, String summary, String bodyMarkdown, Set<String> themes,
		Set<String> tags, Set<String> zones, Priority priority, String author, ItemStatus status, String approvedBy,
		Instant publishAt, Instant expireAt, Set<Channel> channels, String sourceFile, Instant updatedAt,
		Variants variants, List<Attachment> attachments, Document document, Procedure procedure, Instant approvedAt,
		Instant publishedAt, OnExpiry onExpiry, int revision, Integer approvedRevision, String lastEditedBy) {

	public ItemView {
		attachments = List.copyOf(attachments);
	}

	/**
	 * The item's name in its commune's URLs and files: its id without the commune part
	 * ({@link vn.bantin.system.CommuneTenancy#slug}), so every commune's pages read
	 * {@code /items/<slug>} whatever the key that keeps the id unique in the province.
	 */
	public String slug() {
		return vn.bantin.system.CommuneTenancy.slug(this.id);
	}

	/**
	 * When the item may go out: its publish-at, but never before it was approved; empty
	 * while it is not approved (or published) or was never approved.
	 */
	public java.util.Optional<Instant> releaseAt() {
		if ((this.status != ItemStatus.APPROVED && this.status != ItemStatus.PUBLISHED) || this.approvedAt == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional
			.of((this.publishAt != null && this.publishAt.isAfter(this.approvedAt)) ? this.publishAt : this.approvedAt);
	}

	/**
	 * Whether residents may see it at {@code at}: published by the scheduler by then and
	 * not expired (the same rule as {@link ItemCatalog#published}).
	 */
	public boolean visibleAt(Instant at) {
		return this.status == ItemStatus.PUBLISHED && this.publishedAt != null && !this.publishedAt.isAfter(at)
				&& liveAt(at);
	}

	/**
	 * Whether residents may see it at {@code at} on a channel: visible then and going out
	 * on {@code channel} (an item meant only for the radio is published but has no page,
	 * and a web-only item stays out of the feeds).
	 */
	public boolean visibleAt(Instant at, Channel channel) {
		return visibleAt(at) && this.channels.contains(channel);
	}

	/**
	 * Whether it is in the site's archive at {@code at}: published, expired by then, and
	 * kept ({@link OnExpiry#ARCHIVE}) rather than removed.
	 */
	public boolean archivedAt(Instant at) {
		return this.status == ItemStatus.PUBLISHED && this.publishedAt != null && !this.publishedAt.isAfter(at)
				&& !liveAt(at) && this.onExpiry == OnExpiry.ARCHIVE;
	}

	/** Whether it is still current at {@code at}: not expired by then. */
	public boolean liveAt(Instant at) {
		return this.expireAt == null || at.isBefore(this.expireAt);
	}

	/**
	 * What a legal document carries.
	 *
	 * @param number number and symbol, e.g. {@code 102/KH-UBND}
	 * @param issuer who issued it
	 * @param issued issue date
	 * @param effective date it takes effect, or null
	 * @param abstractText what it is about (trích yếu)
	 * @param file the document itself, or null
	 */
	public record Document(String number, String issuer, LocalDate issued, LocalDate effective, String abstractText,
			String file) {
	}

	/**
	 * What an administrative procedure (TTHC) carries.
	 *
	 * @param code its code in the national database
	 * @param field its field, e.g. Hộ tịch
	 * @param level how far it can be done online
	 * @param processingTime how long it takes
	 * @param fee what it costs
	 * @param papers required papers
	 * @param steps steps
	 * @param legalBasis legal texts it rests on
	 * @param portalUrl its page on the public-service portal, or null
	 * @param status in force, amended or repealed
	 * @param history changes of status, oldest first
	 */
	public record Procedure(String code, String field, ProcedureLevel level, String processingTime, String fee,
			List<String> papers, List<String> steps, List<String> legalBasis, String portalUrl, ProcedureStatus status,
			List<Change> history) {

		public Procedure {
			papers = List.copyOf(papers);
			steps = List.copyOf(steps);
			legalBasis = List.copyOf(legalBasis);
			history = List.copyOf(history);
		}

		/** A change of status: when, to what, why. */
		public record Change(LocalDate date, ProcedureStatus status, String note) {
		}

	}

	/**
	 * A file attached to an item.
	 *
	 * @param file where it is: a path under the content folder ({@code media/x.pdf}) for
	 * items kept in files, an address under {@code /media/} for files uploaded in the
	 * editor
	 * @param title what it is, or null
	 */
	public record Attachment(String file, String title) {
	}

	/**
	 * Per-channel variants; each null when the item's own text serves.
	 *
	 * @param emailSubject mail subject
	 * @param emailIntro mail introduction
	 * @param radioScript text to read aloud
	 * @param radioRecording recorded audio, a path under the content folder
	 * @param feedSummary feed summary
	 */
	public record Variants(String emailSubject, String emailIntro, String radioScript, String radioRecording,
			String feedSummary) {
	}

	/** Whether the item is kept in a file and so is read-only in the web editor. */
	public boolean fromFile() {
		return this.sourceFile != null;
	}

}
