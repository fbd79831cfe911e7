package vn.bantin.site;

import vn.bantin.content.Channel;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.Publications;

/**
 * A channel the site itself serves: the public website ({@link Channel#WEB}, an item
 * handed over becomes a page residents can read) and its news feeds
 * ({@link Channel#FEED}, RSS/Atom). The site renders published items from the content
 * module, and the hand-over marks the item published when a channel takes it, so there is
 * nothing to store here and taking a publication twice changes nothing. The bean must
 * still exist: a channel without one leaves its publications due. One bean per channel,
 * declared in {@link SiteChannels}.
 */
class ItemPageChannel implements PublicationChannel {

	private final Channel channel;

	ItemPageChannel(Channel channel) {
		this.channel = channel;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public void publish(Publications.PublicationView publication) {
		// the page and the feed entry are rendered from the item, published by the
		// hand-over
	}

}
