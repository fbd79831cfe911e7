package vn.bantin.content;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.bantin.cluster.ClusterChanges;
import vn.bantin.system.CommuneTenancy;

/**
 * Tells the other nodes that an item of a commune changed (once the change has
 * committed), so that what they keep in memory about items (today's radio programme on
 * the site) follows within about a second. The change itself (re-planning, releases) is
 * done once, by the node where it happened.
 */
@Component
class ItemChangesAcrossNodes {

	/** The topic of an item change, for other nodes: {@value}. */
	static final String TOPIC = ItemChanged.TOPIC;

	private final ClusterChanges changes;

	private final CommuneTenancy tenancy;

	ItemChangesAcrossNodes(ClusterChanges changes, CommuneTenancy tenancy) {
		this.changes = changes;
		this.tenancy = tenancy;
	}

	@EventListener
	void itemChanged(ItemChanged changed) {
		this.changes.announce(TOPIC, Math.max(0, this.tenancy.commune()));
	}

}
