package vn.bantin.content;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.account.Role;

/**
 * Lets tests of other modules create items that the scheduler may put out: written as in
 * the editor (not kept in a file), then submitted and approved through the workflow at
 * the clock's current instant.
 */
@TestComponent
public class TestItems {

	private final Items items;

	private final ItemWorkflow workflow;

	private final Clock clock;

	private final TransactionTemplate transactions;

	TestItems(Items items, ItemWorkflow workflow, Clock clock, PlatformTransactionManager transactions) {
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
		this.workflow.approve(id, "test-approver", Set.of(Role.APPROVER));
		return id;
	}

}
