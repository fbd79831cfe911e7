package vn.bantin.site;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import vn.bantin.content.ItemView;
import vn.bantin.text.Markdown;
import vn.bantin.text.Timestamps;

/**
 * Writes a feed with Rome: RSS 2.0 (with {@code content:encoded}, {@code atom:link
 * rel="self"} and, for the podcast, the iTunes namespace with each episode's enclosure
 * (address, byte length, type) and {@code itunes:duration} in {@code HH:MM:SS} when
 * ffmpeg could read it) or Atom 1.0. An item's id is {@code urn:bantin:item:<id>}, which
 * never changes whatever happens to the item, so feed readers never show it twice. Rome
 * writes RFC 822 dates with {@code Locale.US} and RFC 3339 dates in Atom, whatever the
 * JVM's default locale. Control characters, which XML forbids, are removed from every
 * text.
 */
final class FeedWriter {

	static final String RSS = "rss_2.0";

	static final String ATOM = "atom_1.0";

	/**
	 * Characters XML 1.0 does not allow (tab, line feed and carriage return are fine).
	 */
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

	/** Character references to those characters, e.g. {@code &#x7;}. */
	private static final Pattern CONTROL_REFERENCE = Pattern
		.compile("&#(x0*([0-8bcef]|1[0-9a-f]|7f)|0*([0-8]|1[124-9]|2[0-9]|3[01]|127));", Pattern.CASE_INSENSITIVE);

	private FeedWriter() {
	}

	/**
	 * A feed's channel.
	 *
	 * @param title its title
	 * @param description what it carries
	 * @param site the site's base URL, without a trailing slash
	 * @param self the feed's own URL
	 * @param artwork the podcast's image URL, or null for other feeds
	 * @param author the publisher's name
	 */
	record Channel(String title, String description, String site, String self, String artwork, String author) {
	}

	/**
	 * An item with its podcast episode, when the feed is the podcast.
	 *
	 * @param site the base URL of the item's own site when it is not the channel's (the
	 * province portal's feed links each item to its commune's site), or null
	 */
	record Entry(ItemView item, Optional<PodcastAudio.Episode> episode, String site) {

		Entry(ItemView item, Optional<PodcastAudio.Episode> episode) {
			this(item, episode, null);
		}

	}

	static void write(String type, Channel channel, List<Entry> entries, Instant updated, Writer out)
			throws IOException {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(clean(channel.title()));
		feed.setDescription(clean(channel.description()));
		feed.setLink(channel.site() + "/");
		feed.setUri(channel.self());
		feed.setLanguage("vi");
		feed.setAuthor(clean(channel.author()));
		feed.setPublishedDate((updated != null) ? Date.from(Timestamps.toSecond(updated)) : null);
		List<Module> modules = new ArrayList<>();
		if (RSS.equals(type)) {
			AtomLinkModule atom = new AtomLinkModuleImpl();
			Link self = new Link();
			self.setRel("self");
			self.setType("application/rss+xml");
			self.setHref(channel.self());
			atom.setLinks(List.of(self));
			modules.add(atom);
		}
		else {
			List<SyndLink> links = new ArrayList<>();
			links.add(link("alternate", "text/html", channel.site() + "/"));
			links.add(link("self", "application/atom+xml", channel.self()));
			feed.setLinks(links);
		}
		if (channel.artwork() != null) {
			FeedInformationImpl itunes = new FeedInformationImpl();
			itunes.setAuthor(clean(channel.author()));
			itunes.setExplicit(false);
			itunes.setImageUri(channel.artwork());
			itunes.setSummary(clean(channel.description()));
			itunes.setOwnerName(clean(channel.author()));
			modules.add(itunes);
		}
		// the feed's language, author and date live in its Dublin Core module: keep it
		feed.getModules().addAll(modules);
		List<SyndEntry> items = new ArrayList<>();
		for (Entry entry : entries) {
			items.add(entry(entry, channel));
		}
		feed.setEntries(items);
		try {
			new SyndFeedOutput().output(feed, out, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Cannot write the feed " + channel.self(), ex);
		}
	}

	private static SyndEntry entry(Entry entry, Channel channel) {
		ItemView item = entry.item();
		SyndEntry syndEntry = new SyndEntryImpl();
		syndEntry.setUri(id(item.id()));
		syndEntry.setTitle(clean(item.title()));
		String site = (entry.site() != null) ? entry.site() : channel.site();
		syndEntry.setLink(site + "/items/" + item.slug());
		syndEntry.setPublishedDate(Date.from(Timestamps.toSecond(item.publishedAt())));
		syndEntry.setUpdatedDate(Date.from(Timestamps.toSecond(updated(item))));
		if (item.author() != null) {
			syndEntry.setAuthor(clean(item.author()));
		}
		String summary = summary(item);
		if (summary != null) {
			SyndContent description = new SyndContentImpl();
			description.setType("text/plain");
			description.setValue(summary);
			syndEntry.setDescription(description);
		}
		SyndContent content = new SyndContentImpl();
		content.setType("html");
		content.setValue(html(item.bodyMarkdown()));
		syndEntry.setContents(List.of(content));
		entry.episode().ifPresent((episode) -> {
			SyndEnclosure enclosure = new SyndEnclosureImpl();
			enclosure.setUrl(channel.site() + episode.path());
			enclosure.setLength(episode.length());
			enclosure.setType(episode.type());
			syndEntry.setEnclosures(List.of(enclosure));
			EntryInformationImpl itunes = new EpisodeInformation(episode.duration());
			itunes.setAuthor(clean(channel.author()));
			itunes.setExplicit(false);
			if (summary != null) {
				itunes.setSummary(summary);
			}
			syndEntry.getModules().add(itunes);
		});
		return syndEntry;
	}

	/** The id of an item in every feed, forever. */
	static String id(String itemId) {
		return "urn:bantin:item:" + itemId;
	}

	/** When an item last changed, as feeds see it. */
	static Instant updated(ItemView item) {
		Instant updated = item.updatedAt();
		return (updated == null || updated.isBefore(item.publishedAt())) ? item.publishedAt() : updated;
	}

	private static String summary(ItemView item) {
		String summary = (item.variants() != null && item.variants().feedSummary() != null
				&& !item.variants().feedSummary().isBlank()) ? item.variants().feedSummary() : item.summary();
		return (summary != null && !summary.isBlank()) ? clean(summary) : null;
	}

	/**
	 * The body as safe HTML without control characters, neither as such nor written as
	 * character references (which the Markdown renderer makes of them).
	 */
	static String html(String markdown) {
		String html = Markdown.toHtml(clean(markdown));
		return CONTROL_REFERENCE.matcher(clean(html)).replaceAll("");
	}

	private static SyndLink link(String rel, String type, String href) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	static String clean(String text) {
		return (text != null) ? CONTROL.matcher(text).replaceAll("") : null;
	}

}
