package vn.bantin.site;

import java.util.Locale;

import vn.bantin.content.ItemView;

/**
 * Which items a feed carries: all of them, one theme's, one tag's, or those with audio
 * (the podcast). Its {@link #key} names the feed in its ETag.
 *
 * @param kind what selects the items
 * @param value the theme key or tag, or null
 */
record FeedScope(Kind kind, String value) {

	static final FeedScope ALL = new FeedScope(Kind.ALL, null);

	static final FeedScope PODCAST = new FeedScope(Kind.PODCAST, null);

	static FeedScope theme(String key) {
		return new FeedScope(Kind.THEME, key);
	}

	static FeedScope tag(String tag) {
		return new FeedScope(Kind.TAG, tag.toLowerCase(Locale.ROOT));
	}

	/** Whether {@code item}, already published and live, belongs in this feed. */
	boolean selects(ItemView item) {
		return switch (this.kind) {
			case ALL -> true;
			case THEME -> item.themes().contains(this.value);
			case TAG -> item.tags().contains(this.value);
			case PODCAST -> PodcastAudio.audioOf(item).isPresent();
		};
	}

	/** The feed's name, e.g. {@code tag:phong-chay}. */
	String key() {
		return (this.value != null) ? this.kind.name().toLowerCase(Locale.ROOT) + ":" + this.value
				: this.kind.name().toLowerCase(Locale.ROOT);
	}

	enum Kind {

		ALL, THEME, TAG, PODCAST

	}

}
