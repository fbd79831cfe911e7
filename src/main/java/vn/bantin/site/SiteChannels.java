package vn.bantin.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.bantin.content.Channel;

/**
 * The publication channels the site serves, {@link Channel#WEB} and {@link Channel#FEED}:
 * both render what the hand-over marked published, so they are the same
 * {@link ItemPageChannel} for two channels.
 */
@Configuration(proxyBeanMethods = false)
class SiteChannels {

	@Bean
	ItemPageChannel webChannel() {
		return new ItemPageChannel(Channel.WEB);
	}

	@Bean
	ItemPageChannel feedChannel() {
		return new ItemPageChannel(Channel.FEED);
	}

}
