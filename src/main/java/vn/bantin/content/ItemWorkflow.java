package vn.bantin.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import vn.bantin.system.RuleViolation;
import vn.bantin.account.Role;

/**
 * The approval workflow: {@code draft → submitted → approved | rejected}. Editors submit,
 * approvers approve or reject (with a comment); the scheduler publishes later. Every
 * action is written to the item's audit log with who did it and when.
 */
@Service
@Transactional
class ItemWorkflow {

	private final ItemStore items;

	private final ItemEventStore events;

	private final Clock clock;

	private final WorkflowSettings settings;

	ItemWorkflow(ItemStore items, ItemEventStore events, Clock clock, WorkflowSettings settings) {
		this.items = items;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	void submit(String slug, String actor) {
		String id = ItemKeys.of(slug);
		Instant now = this.clock.instant();
		item(id).submit(now);
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.SUBMITTED, null));
	}

	/**
	 * Approves the revision of an item the approver saw (the rules are
	 * {@link Item#approve}'s). An approval by the item's last editor (the emergency path,
	 * or four-eyes switched off) says so in the history.
	 * @param revision the revision the approver saw; null is refused on field
	 * {@code revision}
	 * @param roles the approver's roles: holding {@link Role#EDITOR} too opens the
	 * emergency path
	 * @throws ItemChangedSinceSeen when the item has a newer revision
	 * @throws FourEyesRefused when the approver made the current revision
	 */
	void approve(String slug, Integer revision, String actor, Set<Role> roles) {
		String id = ItemKeys.of(slug);
		if (revision == null) {
			throw new RuleViolation("revision", "item.error.revision-required");
		}
		Instant now = this.clock.instant();
		Item item = item(id);
		boolean editorAndApprover = roles.contains(Role.EDITOR) && roles.contains(Role.APPROVER);
		Item.Approval approval = item.approve(actor, revision, editorAndApprover, this.settings.fourEyes(), now);
		String detail = "revision " + revision + ((approval.detail() != null) ? "; " + approval.detail() : "");
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.APPROVED, detail));
	}

	/** Whether four-eyes is on: the page says who may approve. */
	boolean fourEyes() {
		return this.settings.fourEyes();
	}

	/**
	 * Rejects a submitted item.
	 * @throws RuleViolation on field {@code comment} when no reason is given
	 */
	void reject(String slug, String actor, String comment) {
		String id = ItemKeys.of(slug);
		if (!StringUtils.hasText(comment)) {
			throw new RuleViolation("comment", "item.error.reject-comment");
		}
		Instant now = this.clock.instant();
		item(id).reject(now);
		this.events.save(new ItemEvent(id, now, actor, ItemChanged.Action.REJECTED, comment.strip()));
	}

	@Transactional(readOnly = true)
	List<ItemEvent.HistoryEntry> history(String id) {
		return this.events.findByItemIdOrderByAtAscIdAsc(ItemKeys.of(id)).stream().map(ItemEvent::entry).toList();
	}

	private Item item(String id) {
		return this.items.findById(ItemKeys.of(id)).orElseThrow(() -> new UnknownItem(id));
	}

}
