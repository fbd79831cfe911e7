package vn.bantin.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.boot.test.context.TestComponent;

import vn.bantin.account.Role;

/**
 * Creates items for tests of other modules through the editor and the workflow, as staff
 * would: {@code @Import(TestItems.class)}.
 */
@TestComponent
public class TestItems {

	private final ItemEditor editor;

	private final ItemWorkflow workflow;

	TestItems(ItemEditor editor, ItemWorkflow workflow) {
		this.editor = editor;
		this.workflow = workflow;
	}

	/**
	 * A submitted news item.
	 * @return its id
	 */
	public String submitted(String title, List<String> themes, List<String> zones, Priority priority, Instant publishAt,
			Instant expireAt, Set<Channel> channels) {
		String id = this.editor.create(new ItemDraft(ItemKind.NEWS, title, null, "Nội dung của " + title + ".", themes,
				List.of(), zones, priority, publishAt, expireAt, channels, null, null, null, null), "tester");
		this.workflow.submit(id, "tester");
		return id;
	}

	/** Approves a submitted item, as an approver. */
	public void approve(String id) {
		this.workflow.approve(id, "approver", Set.of(Role.APPROVER));
	}

	/**
	 * An approved news item.
	 * @return its id
	 */
	public String approved(String title, List<String> themes, List<String> zones, Priority priority, Instant publishAt,
			Instant expireAt, Set<Channel> channels) {
		String id = submitted(title, themes, zones, priority, publishAt, expireAt, channels);
		approve(id);
		return id;
	}

}
