package vn.bantin.site;

import java.time.Instant;

import org.springframework.dao.OptimisticLockingFailureException;

import vn.bantin.content.ItemLifecycle;

/**
 * Publishes items for the site's tests. The running scheduler may publish the same
 * approved sample at the same moment; marking published is idempotent, so a lost race is
 * simply tried again.
 */
final class Publish {

	private Publish() {
	}

	/**
	 * Publishes the items now and makes sure they are visible now: in the shared test
	 * context, another test may have had them published at a later instant of its own
	 * clock, so the clock moves forward to the latest publication when needed.
	 */
	static void visible(ItemLifecycle lifecycle, vn.bantin.content.ItemCatalog catalog, vn.bantin.MutableClock clock,
			String... ids) {
		items(lifecycle, clock.instant(), ids);
		for (String id : ids) {
			Instant published = catalog.item(id).orElseThrow().publishedAt();
			if (published != null && published.isAfter(clock.instant())) {
				clock.set(published);
			}
		}
	}

	static void items(ItemLifecycle lifecycle, Instant at, String... ids) {
		for (String id : ids) {
			for (int attempt = 1;; attempt++) {
				try {
					lifecycle.published(id, at);
					break;
				}
				catch (OptimisticLockingFailureException raced) {
					if (attempt == 5) {
						throw raced;
					}
				}
			}
		}
	}

}
