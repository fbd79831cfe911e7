package vn.bantin.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

import vn.bantin.text.VietnameseText;

/**
 * A piece of public information, written once and sent to every channel it names: a news
 * item, an announcement, an administrative procedure or a legal document.
 *
 * <p>
 * An item read from a file is refreshed from that file whenever it changes, and archived
 * when the file is deleted; its history (the {@link ItemEvent}s) is kept.
 */
@Entity
@Table(name = "item")
class Item implements Persistable<String> {

	/**
	 * True until first stored: with an assigned id, this spares the select a merge would
	 * make.
	 */
	@Transient
	private boolean isNew;

	/** The commune the row belongs to: set from the commune in scope, filtered by it. */
	@TenantId
	@Column(name = "commune_id", nullable = false, updatable = false)
	private Long communeId;

	@Id
	@Column(length = 100)
	private String id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ItemKind kind;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(length = 500)
	private String summary;

	@Column(name = "body_markdown", nullable = false)
	private String bodyMarkdown;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Priority priority;

	@Column(length = 200)
	private String author;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private ItemStatus status;

	@Column(name = "approved_by", length = 200)
	private String approvedBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	/**
	 * Counts every change that would reach residents: text and settings, an attachment, a
	 * recording, a new version of its file.
	 */
	@Column(nullable = false)
	private int revision = 1;

	/** The revision an approver approved last, or null while none was. */
	@Column(name = "approved_revision")
	private Integer approvedRevision;

	/**
	 * Who made the current revision (null for a content file): with four-eyes on, not the
	 * one who approves it.
	 */
	@Column(name = "last_edited_by", length = 200)
	private String lastEditedBy;

	@Column(name = "publish_at")
	private Instant publishAt;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "expire_at")
	private Instant expireAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "on_expiry", nullable = false, length = 10)
	private OnExpiry onExpiry = OnExpiry.ARCHIVE;

	/** Channel keys, comma-separated: a small fixed set that is always read whole. */
	@Column(nullable = false, length = 100)
	private String channels;

	@Column(name = "email_subject", length = 300)
	private String emailSubject;

	@Column(name = "email_intro", length = 1000)
	private String emailIntro;

	@Column(name = "radio_script")
	private String radioScript;

	@Column(name = "radio_recording", length = 500)
	private String radioRecording;

	@Column(name = "feed_summary", length = 1000)
	private String feedSummary;

	@Embedded
	private DocumentColumns document;

	@Embedded
	private ProcedureColumns procedure;

	@Column(name = "source_file", length = 500)
	private String sourceFile;

	/**
	 * Title, summary, body and tags folded (no diacritics, lower case), so that search
	 * ignores both in SQL on any database.
	 */
	@Column(name = "search_text", nullable = false)
	private String searchText;

	/** SHA-256 of the file's text when it was last applied. */
	@Column(name = "source_hash", length = 64)
	private String sourceHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "item_theme", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "theme_key", length = 60)
	private Set<String> themes = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "item_tag", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "tag", length = 100)
	private Set<String> tags = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "item_zone", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "zone", length = 100)
	private Set<String> zones = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "item_attachment", joinColumns = @JoinColumn(name = "item_id"))
	@OrderColumn(name = "position")
	private List<AttachmentColumns> attachments = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "item_procedure_history", joinColumns = @JoinColumn(name = "item_id"))
	@OrderColumn(name = "position")
	private List<ProcedureChangeColumns> procedureHistory = new ArrayList<>();

	protected Item() {
	}

	private Item(String id, Instant now) {
		this.id = id;
		this.createdAt = now;
		this.isNew = true;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostPersist
	@PostLoad
	void stored() {
		this.isNew = false;
	}

	/** A new item read from {@code sourceFile}. */
	static Item fromFile(ItemFile file, String sourceFile, Instant now) {
		Item item = new Item(file.id(), now);
		item.refresh(file, sourceFile, now);
		return item;
	}

	/**
	 * Takes everything the file says, when the file's text changed since it was last
	 * applied. The status then follows the file too: an edited file goes back through
	 * approval unless it says it was approved (outside Bản tin). An unchanged file
	 * changes nothing, so that what happened to the item in Bản tin (approved, rejected,
	 * published) stays.
	 * @return whether anything changed
	 */
	boolean refresh(ItemFile file, String sourceFile, Instant now) {
		if (file.sourceHash().equals(this.sourceHash) && java.util.Objects.equals(sourceFile, this.sourceFile)
				&& this.status != ItemStatus.ARCHIVED) {
			return false;
		}
		if (!this.isNew) {
			this.revision++;
		}
		this.lastEditedBy = null;
		this.kind = file.kind();
		this.title = file.title();
		this.summary = file.summary();
		this.bodyMarkdown = file.body();
		this.priority = file.priority();
		this.author = file.author();
		ItemStatus before = this.status;
		this.status = file.status();
		this.approvedBy = file.approvedBy();
		if (this.status == ItemStatus.APPROVED && before != ItemStatus.APPROVED) {
			this.approvedAt = now;
		}
		// a file that says "approved" was approved outside Bản tin, in the version it is
		if (this.status == ItemStatus.APPROVED) {
			this.approvedRevision = this.revision;
		}
		this.publishAt = file.publishAt();
		this.expireAt = file.expireAt();
		this.onExpiry = file.onExpiry();
		this.channels = file.channels().stream().map(Channel::key).sorted().collect(Collectors.joining(","));
		this.emailSubject = file.variants().emailSubject();
		this.emailIntro = file.variants().emailIntro();
		this.radioScript = file.variants().radioScript();
		this.radioRecording = file.variants().radioRecording();
		this.feedSummary = file.variants().feedSummary();
		this.document = (file.document() != null) ? new DocumentColumns(file.document()) : null;
		this.procedure = (file.procedure() != null) ? new ProcedureColumns(file.procedure()) : null;
		this.procedureHistory = new ArrayList<>();
		if (file.procedure() != null) {
			file.procedure()
				.history()
				.forEach((c) -> this.procedureHistory.add(new ProcedureChangeColumns(c.date(), c.status(), c.note())));
		}
		this.themes = new HashSet<>(file.themes());
		this.tags = new HashSet<>(file.tags());
		this.zones = new HashSet<>(file.zones());
		this.attachments = new ArrayList<>();
		file.attachments().forEach((a) -> this.attachments.add(new AttachmentColumns(a.file(), a.title())));
		this.sourceFile = sourceFile;
		this.sourceHash = file.sourceHash();
		this.searchText = VietnameseText.fold(String.join("\n", this.title, String.valueOf(this.summary),
				this.bodyMarkdown, String.join(" ", this.tags)));
		this.updatedAt = now;
		return true;
	}

	/**
	 * The file this item came from is gone: it leaves every channel, its history stays.
	 */
	void archive(Instant now) {
		this.status = ItemStatus.ARCHIVED;
		this.updatedAt = now;
	}

	/** A new draft written in the web editor or sent through the API. */
	static Item draft(String id, ItemDraft draft, String author, Instant now, ZoneId zone) {
		Item item = new Item(id, now);
		item.status = ItemStatus.DRAFT;
		item.author = author;
		item.lastEditedBy = author;
		item.apply(draft, now, zone);
		return item;
	}

	/**
	 * Changes the text and settings, as a new revision made by {@code actor}. An item
	 * already approved (or published) goes back to {@link ItemStatus#SUBMITTED}: what
	 * goes out is always what an approver saw. A submitted item stays submitted, and only
	 * its new revision can be approved.
	 * @throws ItemTransitionRefused for an item kept in a file, or archived
	 */
	void edit(ItemDraft draft, String actor, Instant now, ZoneId zone) {
		if (this.sourceFile != null) {
			throw new ItemTransitionRefused(this.id, this.status, "edit");
		}
		require(this.status != ItemStatus.ARCHIVED, "edit");
		newRevision(actor);
		apply(draft, now, zone);
	}

	/**
	 * Everything that changes what residents receive goes through here: a new revision by
	 * {@code actor}, and an approved or published item back to approval.
	 * @return whether the item went back to approval
	 */
	private boolean newRevision(String actor) {
		this.revision++;
		this.lastEditedBy = actor;
		if (this.status == ItemStatus.APPROVED || this.status == ItemStatus.PUBLISHED) {
			this.status = ItemStatus.SUBMITTED;
			this.approvedBy = null;
			return true;
		}
		return false;
	}

	/**
	 * A new recording was taken in for the radio: the same rule as an edit, since it
	 * changes what the loudspeakers play. Items kept in files take recordings too (an
	 * operator records what the file says).
	 * @return whether the item went back to approval
	 * @throws ItemTransitionRefused for an archived item
	 */
	boolean recorded(String actor, Instant now) {
		require(this.status != ItemStatus.ARCHIVED, "record");
		boolean back = newRevision(actor);
		this.updatedAt = now;
		return back;
	}

	private void apply(ItemDraft draft, Instant now, ZoneId zone) {
		this.kind = draft.kind();
		this.title = draft.title();
		this.summary = draft.summary();
		this.bodyMarkdown = (draft.body() != null) ? draft.body() : "";
		this.priority = draft.priority();
		this.publishAt = draft.publishAt();
		this.expireAt = draft.expireAt();
		this.onExpiry = (draft.onExpiry() != null) ? draft.onExpiry() : OnExpiry.ARCHIVE;
		this.channels = draft.channels().stream().map(Channel::key).sorted().collect(Collectors.joining(","));
		this.emailSubject = draft.emailSubject();
		this.emailIntro = draft.emailIntro();
		this.radioScript = draft.radioScript();
		this.feedSummary = draft.feedSummary();
		this.document = (draft.kind() == ItemKind.DOCUMENT && draft.document() != null)
				? new DocumentColumns(draft.document().number(), draft.document().issuer(), draft.document().issued(),
						draft.document().effective(), draft.document().abstractText(), draft.document().file())
				: null;
		applyProcedure((draft.kind() == ItemKind.PROCEDURE) ? draft.procedure() : null, now.atZone(zone).toLocalDate());
		this.themes = new HashSet<>(draft.themes());
		this.tags = new HashSet<>(draft.tags());
		this.zones = new HashSet<>(draft.zones());
		this.searchText = VietnameseText.fold(String.join("\n", this.title, String.valueOf(this.summary),
				this.bodyMarkdown, String.join(" ", this.tags)));
		this.updatedAt = now;
	}

	/**
	 * Takes a procedure's details from the editor. Its status history belongs to the
	 * item: a change of status made here is added to it, dated by the commune's day it
	 * was saved.
	 */
	private void applyProcedure(ItemView.Procedure procedure, LocalDate today) {
		if (procedure == null) {
			this.procedure = null;
			return;
		}
		ProcedureStatus before = procedureStatus();
		this.procedure = new ProcedureColumns(procedure.code(), procedure.field(), procedure.level(),
				procedure.processingTime(), procedure.fee(), lines(procedure.papers()), lines(procedure.steps()),
				lines(procedure.legalBasis()), procedure.portalUrl(), procedure.status());
		if (before != procedure.status()) {
			this.procedureHistory.add(new ProcedureChangeColumns(today, procedure.status(), null));
		}
	}

	/**
	 * Attaches an uploaded file, as a new revision: like an edit, an approved or
	 * published item goes back to approval (an attachment reaches the site, the feeds and
	 * the podcast).
	 * @return whether the item went back to approval
	 * @throws ItemTransitionRefused for an item kept in a file (its attachments are in
	 * the file) or archived
	 */
	boolean attach(String file, String title, String actor, Instant now) {
		if (this.sourceFile != null) {
			throw new ItemTransitionRefused(this.id, this.status, "attache");
		}
		require(this.status != ItemStatus.ARCHIVED, "attache");
		boolean back = newRevision(actor);
		this.attachments.add(new AttachmentColumns(file, title));
		this.updatedAt = now;
		return back;
	}

	/**
	 * Archiving is how an item is deleted: it leaves every channel, its history stays.
	 */
	void archiveByEditor(Instant now) {
		require(this.status != ItemStatus.ARCHIVED, "archive");
		archive(now);
	}

	/**
	 * An editor sends a draft (or a rejected item, reworked) for approval.
	 * @throws ItemTransitionRefused from any other status
	 */
	void submit(Instant now) {
		require(this.status == ItemStatus.DRAFT || this.status == ItemStatus.REJECTED, "submit");
		this.status = ItemStatus.SUBMITTED;
		this.updatedAt = now;
	}

	/**
	 * An approver lets the revision they saw go out.
	 * <ul>
	 * <li>Only the current revision can be approved: an item changed since the approver
	 * opened it is refused ({@link ItemChangedSinceSeen}), so nobody approves text they
	 * never saw.</li>
	 * <li>Only a submitted item, or an emergency draft approved by someone who is editor
	 * and approver both: a storm warning cannot wait for a second person.</li>
	 * <li>With {@code fourEyes} on, the person who made the current revision may not
	 * approve it ({@link FourEyesRefused}), except on that emergency path.</li>
	 * </ul>
	 * @param seenRevision the revision the approver saw
	 * @param emergencyPath whether the approver holds the editor role too: then an
	 * emergency item may be approved from draft, and by the one who wrote it
	 * @return how it was approved, for the history
	 * @throws ItemTransitionRefused from any other status
	 */
	Approval approve(String approver, int seenRevision, boolean emergencyPath, boolean fourEyes, Instant now) {
		boolean emergency = emergencyPath && this.priority == Priority.EMERGENCY;
		require(this.status == ItemStatus.SUBMITTED || (this.status == ItemStatus.DRAFT && emergency), "approve");
		if (seenRevision != this.revision) {
			throw new ItemChangedSinceSeen(this.id, seenRevision, this.revision);
		}
		boolean own = approver.equals(this.lastEditedBy);
		if (own && fourEyes && !emergency) {
			throw new FourEyesRefused(this.id, approver);
		}
		this.status = ItemStatus.APPROVED;
		this.approvedBy = approver;
		this.approvedAt = now;
		this.approvedRevision = this.revision;
		this.updatedAt = now;
		if (!own) {
			return Approval.SECOND_PERSON;
		}
		return fourEyes ? Approval.OWN_EMERGENCY : Approval.OWN_FOUR_EYES_OFF;
	}

	/** How an approval was given, as the history tells it. */
	enum Approval {

		/** By someone other than the last editor: the rule. */
		SECOND_PERSON(null),

		/** By the last editor, on the emergency path, with four-eyes on. */
		OWN_EMERGENCY("emergency: approved by its last editor"),

		/** By the last editor, with four-eyes switched off. */
		OWN_FOUR_EYES_OFF("approved by its last editor (four-eyes off)");

		private final String detail;

		Approval(String detail) {
			this.detail = detail;
		}

		/** What the history says beside "approved", or null. */
		String detail() {
			return this.detail;
		}

	}

	/**
	 * An approver sends a submitted item back to its author, with the reason.
	 * @throws ItemTransitionRefused from any other status
	 */
	void reject(Instant now) {
		require(this.status == ItemStatus.SUBMITTED, "reject");
		this.status = ItemStatus.REJECTED;
		this.approvedBy = null;
		this.updatedAt = now;
	}

	/**
	 * The publishing hand-over put the item on its first channel, whichever (web, feeds,
	 * email or radio): an approved item becomes published; any other status stays as it
	 * is. Published gives no page by itself: residents see an item on a channel only if
	 * it goes out there ({@link ItemView#visibleAt(Instant, Channel)}).
	 * @return whether the status changed
	 */
	boolean published(Instant now) {
		if (this.status != ItemStatus.APPROVED) {
			return false;
		}
		this.status = ItemStatus.PUBLISHED;
		if (this.publishedAt == null) {
			// as stored: the database keeps microseconds and may round a clock's
			// nanoseconds up, which would put the publication after the instant it
			// happened and hide the page from a reader at that very instant
			this.publishedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		}
		this.updatedAt = now;
		return true;
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new ItemTransitionRefused(this.id, this.status, action);
		}
	}

	/** The procedure's status, or null for an item that is no procedure. */
	ProcedureStatus procedureStatus() {
		return (this.procedure != null) ? this.procedure.status() : null;
	}

	/**
	 * Submits an item made by Bản tin itself (an announcement of a change), for an
	 * approver.
	 */
	void submitForApproval(Instant now) {
		this.status = ItemStatus.SUBMITTED;
		this.updatedAt = now;
	}

	Priority priority() {
		return this.priority;
	}

	String id() {
		return this.id;
	}

	ItemStatus status() {
		return this.status;
	}

	String sourceFile() {
		return this.sourceFile;
	}

	int revision() {
		return this.revision;
	}

	Set<Channel> channelSet() {
		Set<Channel> set = EnumSet.noneOf(Channel.class);
		Arrays.stream(this.channels.split(","))
			.filter((c) -> !c.isEmpty())
			.forEach((c) -> set.add(Channel.valueOf(c.toUpperCase(Locale.ROOT))));
		return set;
	}

	ItemView view() {
		return new ItemView(this.id, this.kind, this.title, this.summary, this.bodyMarkdown, Set.copyOf(this.themes),
				Set.copyOf(this.tags), Set.copyOf(this.zones), this.priority, this.author, this.status, this.approvedBy,
				this.publishAt, this.expireAt, channelSet(), this.sourceFile, this.updatedAt,
				new ItemView.Variants(this.emailSubject, this.emailIntro, this.radioScript, this.radioRecording,
						this.feedSummary),
				this.attachments.stream().map((a) -> new ItemView.Attachment(a.file(), a.title())).toList(),
				(this.document != null)
						? new ItemView.Document(this.document.number(), this.document.issuer(), this.document.issued(),
								this.document.effective(), this.document.abstractText(), this.document.file())
						: null,
				(this.procedure != null) ? new ItemView.Procedure(this.procedure.code(), this.procedure.field(),
						this.procedure.level(), this.procedure.processingTime(), this.procedure.fee(),
						split(this.procedure.papers()), split(this.procedure.steps()),
						split(this.procedure.legalBasis()), this.procedure.portalUrl(), this.procedure.status(),
						this.procedureHistory.stream()
							.map((c) -> new ItemView.Procedure.Change(c.date(), c.status(), c.note()))
							.toList())
						: null,
				this.approvedAt, this.publishedAt, this.onExpiry, this.revision, this.approvedRevision,
				this.lastEditedBy);
	}

	private static List<String> split(String lines) {
		return (lines == null || lines.isEmpty()) ? List.of() : List.of(lines.split("\n"));
	}

	private static String lines(List<String> lines) {
		return String.join("\n", lines);
	}

	@Embeddable
	record DocumentColumns(@Column(name = "doc_number", length = 50) String number,
			@Column(name = "doc_issuer", length = 200) String issuer, @Column(name = "doc_issued_on") LocalDate issued,
			@Column(name = "doc_effective_on") LocalDate effective,
			@Column(name = "doc_abstract", length = 2000) String abstractText,
			@Column(name = "doc_file", length = 500) String file) {

		DocumentColumns(ItemFile.DocumentDetails details) {
			this(details.number(), details.issuer(), details.issued(), details.effective(), details.abstractText(),
					details.file());
		}

	}

	@Embeddable
	record ProcedureColumns(@Column(name = "proc_code", length = 50) String code,
			@Column(name = "proc_field", length = 200) String field,
			@Enumerated(EnumType.STRING) @Column(name = "proc_level", length = 20) ProcedureLevel level,
			@Column(name = "proc_time", length = 500) String processingTime,
			@Column(name = "proc_fee", length = 500) String fee, @Column(name = "proc_papers") String papers,
			@Column(name = "proc_steps") String steps, @Column(name = "proc_legal_basis") String legalBasis,
			@Column(name = "proc_portal_url", length = 500) String portalUrl,
			@Enumerated(EnumType.STRING) @Column(name = "proc_status", length = 20) ProcedureStatus status) {

		ProcedureColumns(ItemFile.ProcedureDetails details) {
			this(details.code(), details.field(), details.level(), details.processingTime(), details.fee(),
					lines(details.papers()), lines(details.steps()), lines(details.legalBasis()), details.portalUrl(),
					details.status());
		}

	}

	@Embeddable
	record AttachmentColumns(@Column(name = "file_path", nullable = false, length = 500) String file,
			@Column(length = 300) String title) {
	}

	@Embeddable
	record ProcedureChangeColumns(@Column(name = "changed_on", nullable = false) LocalDate date,
			@Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) ProcedureStatus status,
			@Column(length = 1000) String note) {
	}

}
