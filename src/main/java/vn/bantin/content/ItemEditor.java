package vn.bantin.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import vn.bantin.system.RuleViolation;
import vn.bantin.text.VietnameseText;

/**
 * Writing items in Bản tin (the web editor and the API): creating drafts, editing,
 * archiving, and the revision history with restore. Items kept in files are refused here:
 * their file is their source.
 */
@Service
@Transactional
class ItemEditor {

	private final ItemStore items;

	private final ItemEventStore events;

	private final ItemRevisionStore revisions;

	private final PlanCatalog plans;

	private final Clock clock;

	private final ProcedureAnnouncements announcements;

	ItemEditor(ItemStore items, ItemEventStore events, ItemRevisionStore revisions, PlanCatalog plans,
			ProcedureAnnouncements announcements, Clock clock) {
		this.announcements = announcements;
		this.items = items;
		this.events = events;
		this.revisions = revisions;
		this.plans = plans;
		this.clock = clock;
	}

	/**
	 * Creates a draft with an id made from its title (without diacritics, unique).
	 * @return the new item's id
	 * @throws RuleViolation naming the first field at fault
	 */
	String create(ItemDraft draft, String actor) {
		ItemDraft checked = check(draft);
		Instant now = this.clock.instant();
		String id = uniqueId(checked.title());
		this.items.save(Item.draft(id, checked, actor, now, this.clock.getZone()));
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.CREATED, null));
		this.revisions
			.save(new ItemRevision(id, 1, now, actor, checked.title(), checked.summary(), checked.body(), null));
		return id;
	}

	/**
	 * Saves a new version. An approved item goes back to approval.
	 * @throws RuleViolation naming the first field at fault
	 * @throws ItemTransitionRefused for an item kept in a file or archived
	 */
	void update(String slug, ItemDraft draft, String actor) {
		String id = ItemKeys.of(slug);
		ItemDraft checked = check(draft);
		Instant now = this.clock.instant();
		Item item = item(id);
		ItemStatus before = item.status();
		ProcedureStatus procedureBefore = item.procedureStatus();
		item.edit(checked, actor, now, this.clock.getZone());
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.UPDATED,
				ItemEvent.revisionDetail(null, item.revision(), before != item.status())));
		if (procedureBefore != null && item.procedureStatus() != null && procedureBefore != item.procedureStatus()) {
			this.announcements.announce(item.view(), actor, now);
		}
		this.revisions.save(ItemRevision.of(item, now, actor, null));
	}

	/**
	 * Attaches a stored upload ({@link Attachments}) to an item written in Bản tin, as a
	 * new revision: an approved or published item goes back to approval, like an edit.
	 */
	void attach(String slug, String file, String title, String actor) {
		String id = ItemKeys.of(slug);
		Instant now = this.clock.instant();
		Item item = item(id);
		String name = clean(title);
		boolean back = item.attach(file, name, actor, now);
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.ATTACHED,
				ItemEvent.revisionDetail(file, item.revision(), back)));
		this.revisions.save(ItemRevision.of(item, now, actor, "+ " + ((name != null) ? name + " " : "") + file));
	}

	/** Deleting is archiving: the item leaves every channel, its history stays. */
	void archive(String slug, String actor) {
		String id = ItemKeys.of(slug);
		Instant now = this.clock.instant();
		item(id).archiveByEditor(now);
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.ARCHIVED, null));
	}

	/**
	 * Makes an old revision's text the current one, as a new revision.
	 */
	void restore(String slug, int number, String actor) {
		String id = ItemKeys.of(slug);
		ItemRevision.Entry old = this.revisions.findByItemIdAndNumber(id, number)
			.orElseThrow(() -> new UnknownItem(id + " revision " + number))
			.entry();
		ItemView current = item(id).view();
		update(id, new ItemDraft(current.kind(), old.title(), old.summary(), old.bodyMarkdown(),
				List.copyOf(current.themes()), List.copyOf(current.tags()), List.copyOf(current.zones()),
				current.priority(), current.publishAt(), current.expireAt(), current.channels(),
				current.variants().emailSubject(), current.variants().emailIntro(), current.variants().radioScript(),
				current.variants().feedSummary(), current.document(), current.procedure(), current.onExpiry()), actor);
		this.events
			.save(new ItemEvent(id, this.clock.instant(), actor, ItemChanged.Action.RESTORED, "revision " + number));
	}

	@Transactional(readOnly = true)
	List<ItemRevision.Entry> revisions(String id) {
		return this.revisions.findByItemIdOrderByNumberDesc(ItemKeys.of(id)).stream().map(ItemRevision::entry).toList();
	}

	/** Trims, normalises and checks a draft; the first problem is thrown. */
	private ItemDraft check(ItemDraft draft) {
		String title = clean(draft.title());
		if (title == null) {
			throw new RuleViolation("title", "item.error.title-required");
		}
		if (title.length() > 300) {
			throw new RuleViolation("title", "item.error.title-long");
		}
		String summary = clean(draft.summary());
		if (summary != null && summary.length() > 500) {
			throw new RuleViolation("summary", "item.error.summary-long");
		}
		if (draft.kind() == null) {
			throw new RuleViolation("kind", "item.error.kind-required");
		}
		Set<String> known = this.plans.themes().stream().map(PlanView.Theme::key).collect(Collectors.toSet());
		if (!known.containsAll(draft.themes())) {
			throw new RuleViolation("themes", "item.error.theme-unknown");
		}
		List<String> tags = keys(draft.tags(), "tags");
		List<String> zones = keys(draft.zones(), "zones");
		if (draft.channels() == null || draft.channels().isEmpty()) {
			throw new RuleViolation("channels", "item.error.channels-empty");
		}
		if (draft.publishAt() != null && draft.expireAt() != null && !draft.expireAt().isAfter(draft.publishAt())) {
			throw new RuleViolation("expireAt", "item.error.expire-before-publish");
		}
		String body = (draft.body() != null) ? VietnameseText.nfc(draft.body().replace("\r\n", "\n")).strip() : "";
		ItemView.Document document = (draft.kind() == ItemKind.DOCUMENT) ? document(draft.document()) : null;
		ItemView.Procedure procedure = (draft.kind() == ItemKind.PROCEDURE) ? procedure(draft.procedure()) : null;
		return new ItemDraft(draft.kind(), title, summary, body, List.copyOf(draft.themes()), tags, zones,
				(draft.priority() != null) ? draft.priority() : Priority.NORMAL, draft.publishAt(), draft.expireAt(),
				draft.channels(), clean(draft.emailSubject()), clean(draft.emailIntro()), clean(draft.radioScript()),
				clean(draft.feedSummary()), document, procedure,
				(draft.onExpiry() != null) ? draft.onExpiry() : OnExpiry.ARCHIVE);
	}

	/** A document needs its number, issuer, issue date and abstract (trích yếu). */
	private static ItemView.Document document(ItemView.Document document) {
		if (document == null || clean(document.number()) == null) {
			throw new RuleViolation("docNumber", "item.error.document-number");
		}
		if (clean(document.issuer()) == null) {
			throw new RuleViolation("docIssuer", "item.error.required");
		}
		if (document.issued() == null) {
			throw new RuleViolation("docIssued", "item.error.required");
		}
		if (clean(document.abstractText()) == null) {
			throw new RuleViolation("docAbstract", "item.error.required");
		}
		return new ItemView.Document(clean(document.number()), clean(document.issuer()), document.issued(),
				document.effective(), clean(document.abstractText()), document.file());
	}

	/** A procedure needs its code, field, level, time, fee, papers, steps and status. */
	private static ItemView.Procedure procedure(ItemView.Procedure procedure) {
		if (procedure == null || clean(procedure.code()) == null) {
			throw new RuleViolation("procCode", "item.error.required");
		}
		if (clean(procedure.field()) == null) {
			throw new RuleViolation("procField", "item.error.required");
		}
		if (procedure.level() == null) {
			throw new RuleViolation("procLevel", "item.error.required");
		}
		if (clean(procedure.processingTime()) == null) {
			throw new RuleViolation("procTime", "item.error.required");
		}
		if (clean(procedure.fee()) == null) {
			throw new RuleViolation("procFee", "item.error.required");
		}
		if (procedure.papers().isEmpty()) {
			throw new RuleViolation("procPapers", "item.error.required");
		}
		if (procedure.steps().isEmpty()) {
			throw new RuleViolation("procSteps", "item.error.required");
		}
		if (procedure.status() == null) {
			throw new RuleViolation("procStatus", "item.error.required");
		}
		String portal = clean(procedure.portalUrl());
		if (portal != null && !portal.startsWith("https://") && !portal.startsWith("http://")) {
			throw new RuleViolation("procPortalUrl", "item.error.portal-url");
		}
		return new ItemView.Procedure(clean(procedure.code()), clean(procedure.field()), procedure.level(),
				clean(procedure.processingTime()), clean(procedure.fee()), procedure.papers(), procedure.steps(),
				procedure.legalBasis(), portal, procedure.status(), List.of());
	}

	private static List<String> keys(List<String> values, String field) {
		List<String> keys = values.stream().map(VietnameseText::slug).filter(StringUtils::hasText).distinct().toList();
		if (keys.stream().anyMatch((k) -> k.length() > 100)) {
			throw new RuleViolation(field, "item.error.key-long");
		}
		return keys;
	}

	private static String clean(String text) {
		return StringUtils.hasText(text) ? VietnameseText.nfc(text.strip()) : null;
	}

	private String uniqueId(String title) {
		String base = VietnameseText.slug(title);
		if (!StringUtils.hasText(base)) {
			base = "ban-tin";
		}
		// unique in the commune: the id is the slug keyed by the commune
		return this.items.freeId(ItemKeys.of(base));
	}

	private Item item(String id) {
		return this.items.findById(ItemKeys.of(id)).orElseThrow(() -> new UnknownItem(id));
	}

}
