package vn.bantin.site;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemLifecycle;

/**
 * The publication channels the site serves, {@link Channel#WEB} and {@link Channel#FEED}:
 * both take an item by marking it published, so they are the same {@link ItemPageChannel}
 * for two channels.
 */
@Configuration(proxyBeanMethods = false)
class SiteChannels {

	@Bean
	ItemPageChannel webChannel(ItemLifecycle lifecycle, Clock clock) {
		return new ItemPageChannel(Channel.WEB, lifecycle, clock);
	}

	@Bean
	ItemPageChannel feedChannel(ItemLifecycle lifecycle, Clock clock) {
		return new ItemPageChannel(Channel.FEED, lifecycle, clock);
	}

}
