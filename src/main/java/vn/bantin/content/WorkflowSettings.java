package vn.bantin.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The approval rules a commune may set ({@code bantin.workflow.*}).
 *
 * @param fourEyes separation of duties (Thông tư 39 and the communication plan: the
 * chairman approves what the officer writes): whoever made an item's current revision may
 * not approve it, except an emergency approved by someone who is editor and approver
 * both, which the history records as such. On by default; a commune where one person
 * holds both roles may switch it off, and every approval of one's own revision is then
 * recorded too.
 */
@ConfigurationProperties("bantin.workflow")
record WorkflowSettings(@DefaultValue("true") boolean fourEyes) {

}
