package vn.bantin.site;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemView;

/**
 * Picks the latest items of a feed: items going out on the feed channel that residents
 * may see now (published, not expired), newest first, at most {@link FeedSettings#size}.
 * Whether an item has audio is not a query filter of the content module, so the podcast
 * reads the published items until it has enough.
 */
@Component
class FeedItems {

	private static final ItemQuery FEED = new ItemQuery(null, null, null, Channel.FEED, null, null);

	private final ItemCatalog catalog;

	private final FeedSettings settings;

	private final Clock clock;

	FeedItems(ItemCatalog catalog, FeedSettings settings, Clock clock) {
		this.catalog = catalog;
		this.settings = settings;
		this.clock = clock;
	}

	List<ItemView> latest(FeedScope scope) {
		Instant now = this.clock.instant();
		int size = this.settings.size();
		return switch (scope.kind()) {
			case ALL, THEME ->
				this.catalog.published(new ItemQuery(null, null, scope.value(), Channel.FEED, null, null), now, 0, size)
					.getContent();
			// the tag is filtered in the database, like the site's tag pages
			case TAG -> this.catalog.published(FEED, scope.value(), null, null, now, 0, size).getContent();
			case PODCAST -> this.catalog.published(FEED, now, scope::selects, size);
		};
	}

}
