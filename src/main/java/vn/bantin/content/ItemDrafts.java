package vn.bantin.content;

import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.bantin.system.RuleViolation;

/**
 * Lets other modules start a draft that an editor then completes in the item editor, as
 * the Word import does. Only the title and body come from outside: the rest of an item
 * ({@code ItemDraft}) stays content's own, so that this module's form of a draft can
 * change without other modules following.
 */
@Service
public class ItemDrafts {

	private final ItemEditor editor;

	ItemDrafts(ItemEditor editor) {
		this.editor = editor;
	}

	/**
	 * Creates a draft news item for every channel at normal priority, with no summary,
	 * themes, tags or zones: the editor reviews it, sets the rest and submits it as
	 * usual.
	 * @param title its title
	 * @param body its text in Markdown
	 * @param author the account creating it
	 * @return the new item's id
	 * @throws RuleViolation naming the first field at fault
	 */
	public String news(String title, String body, String author) {
		return this.editor.create(new ItemDraft(ItemKind.NEWS, title, null, body, List.of(), List.of(), List.of(),
				Priority.NORMAL, null, null, EnumSet.allOf(Channel.class), null, null, null, null), author);
	}

}
