package vn.bantin.site;

import java.time.Clock;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.Publications;

/**
 * A channel the site itself serves: the public website ({@link Channel#WEB}, an item
 * handed over becomes a page residents can read) and its news feeds
 * ({@link Channel#FEED}, RSS/Atom). The site renders published items from the content
 * module, so taking a publication means marking the item published
 * ({@link ItemLifecycle#published}), which is idempotent: handing the same publication
 * over twice changes nothing. One bean per channel, declared in {@link SiteChannels}.
 */
class ItemPageChannel implements PublicationChannel {

	private final Channel channel;

	private final ItemLifecycle lifecycle;

	private final Clock clock;

	ItemPageChannel(Channel channel, ItemLifecycle lifecycle, Clock clock) {
		this.channel = channel;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public void publish(Publications.PublicationView publication) {
		this.lifecycle.published(publication.itemId(), this.clock.instant());
	}

}
