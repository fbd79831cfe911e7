package vn.bantin.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemView;

/**
 * Picks the latest items of a feed: what residents may see now (published, not expired),
 * newest first, at most {@link FeedSettings#size}. Tags and audio are not query filters
 * of the content module, so those feeds read pages of the published items until they have
 * enough.
 */
@Component
class FeedItems {

	private static final int PAGE = 200;

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
		if (scope.kind() == FeedScope.Kind.ALL || scope.kind() == FeedScope.Kind.THEME) {
			ItemQuery query = new ItemQuery(null, null, scope.value(), null, null, null);
			return this.catalog.published(query, now, 0, size).getContent();
		}
		if (scope.kind() == FeedScope.Kind.TAG) {
			// the tag is filtered in the database, like the site's tag pages
			return this.catalog.published(ItemQuery.all(), scope.value(), null, null, now, 0, size).getContent();
		}
		// the podcast: whether an item has audio is known only from its attachments
		List<ItemView> chosen = new ArrayList<>();
		for (int page = 0;; page++) {
			Page<ItemView> items = this.catalog.published(ItemQuery.all(), now, page, PAGE);
			for (ItemView item : items) {
				if (scope.selects(item)) {
					chosen.add(item);
					if (chosen.size() == size) {
						return chosen;
					}
				}
			}
			if (!items.hasNext()) {
				return chosen;
			}
		}
	}

}
