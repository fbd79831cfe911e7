package vn.bantin.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.bantin.content.ItemView;
import vn.bantin.system.Secrets;

/**
 * What a feed's HTTP validators are: an ETag that changes whenever an item enters, leaves
 * or changes (a hash of the feed's name and each item's id, publication and update times)
 * or the site around it changes (the commune's name and logo, the plans' themes:
 * {@link PageVersion#lastModified()}), and Last-Modified, the latest of all these (in
 * whole seconds, as HTTP dates are), which never goes back when the newest item leaves.
 *
 * @param etag the entity tag, quoted
 * @param lastModified when the feed last changed
 * @param newest when its newest entry was published or updated; the epoch for an empty
 * feed
 */
record FeedVersion(String etag, Instant lastModified, Instant newest) {

	static FeedVersion of(String feed, List<ItemView> items, Instant siteChanged) {
		StringBuilder text = new StringBuilder(feed).append('\n').append(siteChanged);
		Instant newest = Instant.EPOCH;
		for (ItemView item : items) {
			Instant updated = FeedWriter.updated(item);
			text.append('\n').append(item.id()).append(' ').append(item.publishedAt()).append(' ').append(updated);
			if (updated.isAfter(newest)) {
				newest = updated;
			}
		}
		newest = newest.truncatedTo(ChronoUnit.SECONDS);
		return new FeedVersion("\"" + Secrets.sha256(text.toString()).substring(0, 32) + "\"",
				siteChanged.isAfter(newest) ? siteChanged.truncatedTo(ChronoUnit.SECONDS) : newest, newest);
	}

}
