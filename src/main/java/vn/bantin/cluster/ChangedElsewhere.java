package vn.bantin.cluster;

/**
 * Another node changed something this node may keep in memory: published on this node (on
 * the thread that polls for changes, without a commune in scope) within about a second of
 * the change's commit there. Listeners drop or reload what they keep of it; they must not
 * act on the change itself again (re-plan, send, notify): the node where it happened did
 * that.
 *
 * @param topic what changed, as announced ({@link ClusterChanges#announce})
 * @param commune whose, or 0 for every commune
 */
public record ChangedElsewhere(String topic, long commune) {

	/** Whether this is about {@code topic} (and the commune, when one was named). */
	public boolean is(String topic) {
		return this.topic.equals(topic);
	}

}
