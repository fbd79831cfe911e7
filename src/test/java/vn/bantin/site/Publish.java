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
