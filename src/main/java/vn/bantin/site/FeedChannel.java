package vn.bantin.site;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.Publications;

/**
 * The {@link Channel#FEED} channel, the site's news feeds (RSS/Atom): an item handed over
 * here appears in them. The site renders published items from the content module, so
 * taking a publication means marking the item published
 * ({@link ItemLifecycle#published}), which is idempotent: handing the same publication
 * over twice changes nothing.
 */
@Component
class FeedChannel implements PublicationChannel {

	private final ItemLifecycle lifecycle;

	private final Clock clock;

	FeedChannel(ItemLifecycle lifecycle, Clock clock) {
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.FEED;
	}

	@Override
	public void publish(Publications.PublicationView publication) {
		this.lifecycle.published(publication.itemId(), this.clock.instant());
	}

}
