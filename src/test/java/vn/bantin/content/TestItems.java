package vn.bantin.content;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.account.Role;

/**
 * Lets tests of other modules create items that the scheduler may put out: written as in
 * the editor (not kept in a file), then submitted and approved through the workflow at
 * the clock's current instant. The {@code …News} methods write news items through the
 * editor, with themes, publish and expiry times.
 */
@TestComponent
public class TestItems {

	private final ItemStore items;

	private final ItemWorkflow workflow;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ItemEditor editor;

	TestItems(ItemStore items, ItemWorkflow workflow, Clock clock, PlatformTransactionManager transactions,
			ItemEditor editor) {
		this.editor = editor;
		this.items = items;
		this.workflow = workflow;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Creates an approved item.
	 * @param id its id
	 * @param title its title
	 * @param tags its tags
	 * @param zones its zones (empty: the whole commune)
	 * @param priority its priority
	 * @param channels its channels
	 * @param radioScript what the radio reads (its air time), or null
	 * @return its id
	 */
	public String approved(String id, String title, Collection<String> tags, Collection<String> zones,
			Priority priority, Collection<Channel> channels, String radioScript) {
		String text = "---\nid: " + id + "\nkind: announcement\ntitle: \"" + title + "\"\nstatus: submitted\n"
				+ "tags: [" + String.join(", ", tags) + "]\nzones: [" + String.join(", ", zones) + "]\npriority: "
				+ priority.key() + "\nchannels: ["
				+ channels.stream().map(Channel::key).collect(Collectors.joining(", ")) + "]\n"
				+ ((radioScript != null) ? "radio:\n  script: \"" + radioScript + "\"\n" : "") + "---\nNội dung "
				+ title + ".\n";
		ItemFile file = ItemFile
			.parse("items/" + id + ".md", text,
					new ItemFile.Context(Path.of("content"), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh")))
			.item();
		if (file == null) {
			throw new IllegalArgumentException("Not a valid item: " + text);
		}
		this.transactions
			.executeWithoutResult((tx) -> this.items.save(Item.fromFile(file, null, this.clock.instant())));
		this.workflow.approve(id, revision(id), "test-approver", Set.of(Role.APPROVER));
		return id;
	}

	/**
	 * A submitted news item, written in the editor.
	 * @return its id
	 */
	public String submittedNews(String title, List<String> themes, List<String> zones, Priority priority,
			Instant publishAt, Instant expireAt, Set<Channel> channels) {
		String id = this.editor.create(new ItemDraft(ItemKind.NEWS, title, null, "Nội dung của " + title + ".", themes,
				List.of(), zones, priority, publishAt, expireAt, channels, null, null, null, null), "tester");
		this.workflow.submit(id, "tester");
		return id;
	}

	/** Approves a submitted item, as an approver. */
	public void approve(String id) {
		this.workflow.approve(id, revision(id), "approver", Set.of(Role.APPROVER));
	}

	/**
	 * An approved news item, written in the editor.
	 * @return its id
	 */
	public String approvedNews(String title, List<String> themes, List<String> zones, Priority priority,
			Instant publishAt, Instant expireAt, Set<Channel> channels) {
		String id = submittedNews(title, themes, zones, priority, publishAt, expireAt, channels);
		approve(id);
		return id;
	}

	/**
	 * An approved news item for the web, written in the editor with its own body, themes
	 * and tags.
	 * @return its id
	 */
	public String approvedNews(String title, String body, List<String> themes, List<String> tags, Instant expireAt) {
		String id = this.editor.create(new ItemDraft(ItemKind.NEWS, title, null, body, themes, tags, List.of(),
				Priority.NORMAL, null, expireAt, Set.of(Channel.WEB), null, null, null, null, null, null), "tester");
		this.workflow.submit(id, "tester");
		approve(id);
		return id;
	}

	/**
	 * Creates an approved item from the text of an item file (procedure, document...),
	 * whose front matter says {@code status: submitted}.
	 * @param contentDir the content folder its media files are under
	 * @param path its path in that folder, e.g. {@code documents/x.md}
	 * @param text the file's text
	 * @return its id
	 */
	public String approvedFromFile(Path contentDir, String path, String text) {
		ItemFile.Reading parsed = ItemFile.parse(path, text,
				new ItemFile.Context(contentDir, Set.of(), ZoneId.of("Asia/Ho_Chi_Minh")));
		ItemFile file = parsed.item();
		if (file == null) {
			throw new IllegalArgumentException("Not a valid item: " + parsed.problems() + "\n" + text);
		}
		this.transactions
			.executeWithoutResult((tx) -> this.items.save(Item.fromFile(file, null, this.clock.instant())));
		this.workflow.approve(file.id(), revision(file.id()), "test-approver", Set.of(Role.APPROVER));
		return file.id();
	}

	/** The item's current revision, the one an approver sees. */
	public int revision(String id) {
		return this.transactions.execute((tx) -> this.items.findById(id).orElseThrow().revision());
	}

}
