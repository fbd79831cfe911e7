package vn.bantin.site;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemLifecycle;
import vn.bantin.publishing.PublicationChannel;
import vn.bantin.publishing.Publications;

/**
 * The {@link Channel#WEB} channel, the public website: an item handed over here becomes a
 * page residents can read. The site renders published items from the content module, so
 * taking a publication means marking the item published
 * ({@link ItemLifecycle#published}), which is idempotent: handing the same publication
 * over twice changes nothing.
 */
@Component
class WebChannel implements PublicationChannel {

	private final ItemLifecycle lifecycle;

	private final Clock clock;

	WebChannel(ItemLifecycle lifecycle, Clock clock) {
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.WEB;
	}

	@Override
	public void publish(Publications.PublicationView publication) {
		this.lifecycle.published(publication.itemId(), this.clock.instant());
	}

}
