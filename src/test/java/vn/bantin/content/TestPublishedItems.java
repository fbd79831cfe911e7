package vn.bantin.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import vn.bantin.MutableClock;
import vn.bantin.account.Role;

/**
 * Lets tests put items in front of residents: written in the editor, approved and
 * published at a chosen instant (the test clock is set to it first, so the scheduler,
 * which may publish the item too, records the same instant), or approved items (the
 * content folder's samples) marked published.
 */
@TestComponent
public class TestPublishedItems {

	private final ItemEditor editor;

	private final ItemWorkflow workflow;

	private final ItemLifecycle lifecycle;

	private final MutableClock clock;

	private final ItemCatalog catalog;

	private final Attachments attachments;

	TestPublishedItems(ItemEditor editor, ItemWorkflow workflow, ItemLifecycle lifecycle, MutableClock clock,
			ItemCatalog catalog, Attachments attachments) {
		this.catalog = catalog;
		this.attachments = attachments;
		this.editor = editor;
		this.workflow = workflow;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	/**
	 * A news item published at {@code at} on the web and the feeds.
	 * @param attachment a stored upload's address ({@code /media/...}) or null
	 * @return its id
	 */
	public String published(Instant at, String title, String summary, String feedSummary, String body,
			List<String> themes, List<String> tags, Instant expireAt, String attachment) {
		return published(at, title, summary, feedSummary, body, themes, tags, expireAt, attachment,
				Set.of(Channel.WEB, Channel.FEED), OnExpiry.ARCHIVE);
	}

	/**
	 * A news item going out on {@code channels}, with {@code tag}, published at
	 * {@code at} (as one of those channels would mark it).
	 * @return its id
	 */
	public String published(Instant at, String title, String tag, Set<Channel> channels) {
		return published(at, title, null, null, "Nội dung " + title + ".", List.of(), List.of(tag), null, null,
				channels, OnExpiry.ARCHIVE);
	}

	/**
	 * A news item on the web and the feeds, with {@code tag}, published at {@code at},
	 * expiring at {@code expireAt} into the archive or off the site.
	 * @return its id
	 */
	public String expiring(Instant at, String title, String tag, Instant expireAt, OnExpiry onExpiry) {
		return published(at, title, null, null, "Nội dung " + title + ".", List.of(), List.of(tag), expireAt, null,
				Set.of(Channel.WEB, Channel.FEED), onExpiry);
	}

	private String published(Instant at, String title, String summary, String feedSummary, String body,
			List<String> themes, List<String> tags, Instant expireAt, String attachment, Set<Channel> channels,
			OnExpiry onExpiry) {
		this.clock.set(at);
		String id = this.editor.create(new ItemDraft(ItemKind.NEWS, title, summary, body, themes, tags, List.of(),
				Priority.NORMAL, null, expireAt, channels, null, null, null, feedSummary, null, null, onExpiry),
				"tester");
		if (attachment != null) {
			this.editor.attach(id, attachment, "Bản ghi âm", "tester");
		}
		this.workflow.submit(id, "tester");
		this.workflow.approve(id, this.catalog.item(id).orElseThrow().revision(), "approver", Set.of(Role.APPROVER));
		publish(id, at);
		return id;
	}

	/**
	 * A news item on the web written by {@code writer} in the editor and submitted, not
	 * approved.
	 * @return its id
	 */
	public String submitted(String title, String writer) {
		String id = this.editor.create(new ItemDraft(ItemKind.NEWS, title, null, "Nội dung " + title + ".", List.of(),
				List.of(), List.of(), Priority.NORMAL, null, null, Set.of(Channel.WEB), null, null, null, null, null,
				null, OnExpiry.ARCHIVE), writer);
		this.workflow.submit(id, writer);
		return id;
	}

	/**
	 * Stores a file as the editor's upload does (its kind told by its first bytes).
	 * @return its address, {@code /media/<folder>/<name>.<ext>}, to give to
	 * {@link #published}
	 */
	public String uploaded(byte[] bytes, String fileName) {
		return this.attachments.store(bytes, fileName);
	}

	/**
	 * Marks approved items (e.g. samples of the content folder) published at {@code at},
	 * as their first channel would.
	 */
	public void markPublished(Instant at, String... ids) {
		for (String id : ids) {
			publish(id, at);
		}
	}

	/**
	 * Marks approved items published at the clock's instant and makes sure they are
	 * visible at it: in the shared test context another test may have had them published
	 * at a later instant of its own clock, so the clock moves forward to the latest
	 * publication when needed.
	 */
	public void visibleNow(String... ids) {
		markPublished(this.clock.instant(), ids);
		for (String id : ids) {
			Instant published = this.catalog.item(id).orElseThrow().publishedAt();
			if (published != null && published.isAfter(this.clock.instant())) {
				this.clock.set(published);
			}
		}
	}

	/**
	 * Marks the item published; the scheduler may be doing the same at the same instant
	 * (publishing is idempotent), in which case one of the two writes loses the race (a
	 * stale version, or H2's deadlock detection) and is simply tried again.
	 */
	private void publish(String id, Instant at) {
		for (int attempt = 1;; attempt++) {
			try {
				this.lifecycle.published(id, at);
				return;
			}
			catch (OptimisticLockingFailureException | PessimisticLockingFailureException ex) {
				if (attempt == 20) {
					throw ex;
				}
			}
		}
	}

	/** Changes an item's title as an editor at {@code at}, then approves it again. */
	public void retitle(String id, String title, Instant at) {
		this.clock.set(at);
		ItemView item = this.catalog.item(id).orElseThrow();
		this.editor.update(id,
				new ItemDraft(item.kind(), title, item.summary(), item.bodyMarkdown(), List.copyOf(item.themes()),
						List.copyOf(item.tags()), List.copyOf(item.zones()), item.priority(), item.publishAt(),
						item.expireAt(), item.channels(), null, null, null, item.variants().feedSummary()),
				"tester");
		if (this.catalog.item(id).orElseThrow().status() == ItemStatus.SUBMITTED) {
			this.workflow.approve(id, this.catalog.item(id).orElseThrow().revision(), "approver",
					Set.of(Role.APPROVER));
			publish(id, at);
		}
	}

}
