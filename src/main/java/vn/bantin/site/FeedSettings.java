package vn.bantin.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the news feeds ({@code bantin.feeds.*}).
 *
 * @param size how many of the latest items a feed carries; default 50
 */
@ConfigurationProperties("bantin.feeds")
record FeedSettings(@DefaultValue("50") int size) {

	FeedSettings {
		if (size < 1) {
			throw new IllegalArgumentException("bantin.feeds.size must be at least 1, not " + size);
		}
	}

}
