package vn.bantin.site;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemView;
import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;
import vn.bantin.content.Priority;
import vn.bantin.system.BantinProperties;
import vn.bantin.text.Markdown;
import vn.bantin.text.Timestamps;

/**
 * What residents may read on the site, at the clock's instant: only items going out on
 * the web channel, published by now and not expired, dated in the commune's time zone.
 * Lists are 20 to a page; search ranks items whose title holds every word before those
 * matching elsewhere, then newest first. An item's own page also opens for items only in
 * the feeds, whose entries link to it.
 */
@Component
class SiteItems {

	static final int PAGE_SIZE = 20;

	/** How many matches search ranks; more are not worth reading. */
	static final int SEARCH_LIMIT = 200;

	/** More live emergencies than this at once is not a banner any more. */
	static final int EMERGENCY_LIMIT = 10;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final ItemCatalog catalog;

	private final PlanCatalog plans;

	private final Clock clock;

	private final BantinProperties properties;

	private final vn.bantin.system.CommuneTenancy tenancy;

	SiteItems(ItemCatalog catalog, PlanCatalog plans, Clock clock, BantinProperties properties,
			vn.bantin.system.CommuneTenancy tenancy) {
		this.catalog = catalog;
		this.plans = plans;
		this.clock = clock;
		this.properties = properties;
		this.tenancy = tenancy;
	}

	/**
	 * The item if residents may read it now: current on the site or in the feeds, or kept
	 * in the site's archive after it expired.
	 */
	Optional<ItemView> visible(String id) {
		Instant now = this.clock.instant();
		return item(id).filter((item) -> item.visibleAt(now, Channel.WEB) || item.visibleAt(now, Channel.FEED)
				|| item.archivedAt(now) && item.channels().contains(Channel.WEB));
	}

	/**
	 * The item an address names by its slug: its key in the commune in scope. Every
	 * lookup is filtered by the commune (the tenant), so the slug itself, the key of an
	 * item made before its commune had keys of its own, can only find this commune's item
	 * too.
	 */
	private Optional<ItemView> item(String slug) {
		String key = this.tenancy.key(slug);
		Optional<ItemView> item = this.catalog.item(key);
		return (item.isPresent() || key.equals(slug)) ? item : this.catalog.item(slug);
	}

	/** The zone of the commune in scope: each commune's pages show its own wall clock. */
	private ZoneId zone() {
		return this.properties.zone();
	}

	/** Whether {@code item} has expired and is shown from the archive. */
	boolean archived(ItemView item) {
		return item.archivedAt(this.clock.instant());
	}

	/** The item of this kind with this id if residents may see it on the site now. */
	Optional<ItemView> visible(ItemKind kind, String id) {
		Instant now = this.clock.instant();
		return this.catalog.item(this.tenancy.key(id))
			.filter((item) -> item.kind() == kind && item.visibleAt(now, Channel.WEB));
	}

	/**
	 * Every item of this kind residents may see on the site now, newest first, for the
	 * catalogues (procedures, documents) that filter on fields the item query does not
	 * know; a commune has tens to a few hundred of them.
	 */
	List<ItemView> all(ItemKind kind) {
		return this.catalog.published(new ItemQuery(null, kind, null, Channel.WEB, null, null), this.clock.instant(),
				(item) -> true, Integer.MAX_VALUE);
	}

	/**
	 * Every item residents may read on the site now, current or archived, newest first,
	 * up to {@code limit} (the sitemap's bound).
	 */
	List<ItemView> all(int limit) {
		return this.catalog.publishedOrArchived(web(), this.clock.instant(), limit);
	}

	/**
	 * Page {@code number} (1-based, clamped to the pages there are) of {@code entries}.
	 */
	static <T> Page<T> page(List<T> entries, int number) {
		int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int index = Math.min(Math.max(number, 1), pages) - 1;
		int from = index * PAGE_SIZE;
		return new PageImpl<>(entries.subList(from, Math.min(from + PAGE_SIZE, entries.size())),
				PageRequest.of(index, PAGE_SIZE), entries.size());
	}

	/** The visible items just older and just newer than {@code item}. */
	Neighbours neighbours(ItemView item) {
		Instant now = this.clock.instant();
		return new Neighbours(this.catalog.neighbour(item, false, Channel.WEB, now).map(this::listed).orElse(null),
				this.catalog.neighbour(item, true, Channel.WEB, now).map(this::listed).orElse(null));
	}

	/** One page of the latest items, optionally of one theme. */
	Page<Listed> latest(String theme, int page, int size) {
		return this.catalog
			.published(new ItemQuery(null, null, theme, Channel.WEB, null, null), this.clock.instant(), page, size)
			.map(this::listed);
	}

	/**
	 * The latest news and announcements, for the home page: procedures and documents have
	 * their own catalogues, and a change to one is announced by an item of its own.
	 */
	List<Listed> news(int size) {
		Instant now = this.clock.instant();
		// one small query per kind, merged, rather than reading every item to filter
		return java.util.stream.Stream.of(ItemKind.NEWS, ItemKind.ANNOUNCEMENT)
			.flatMap((kind) -> this.catalog
				.published(new ItemQuery(null, kind, null, Channel.WEB, null, null), now, 0, size)
				.stream())
			.sorted(Comparator.comparing(ItemView::publishedAt, Comparator.reverseOrder()).thenComparing(ItemView::id))
			.limit(size)
			.map(this::listed)
			.toList();
	}

	/**
	 * The emergency items residents may see on the site now, newest first: the home
	 * page's banner links to each (an emergency for the loudspeakers alone has no page).
	 * An emergency is over when it expires, so it leaves the banner by the same rule as
	 * the site.
	 */
	List<Listed> emergencies() {
		return this.catalog
			.published(new ItemQuery(null, null, null, Channel.WEB, Priority.EMERGENCY, null), this.clock.instant(), 0,
					EMERGENCY_LIMIT)
			.map(this::listed)
			.getContent();
	}

	/** One page of the items with a tag. */
	Page<Listed> tagged(String tag, int page) {
		return this.catalog.published(web(), tag, null, null, this.clock.instant(), page, PAGE_SIZE).map(this::listed);
	}

	/**
	 * One page of the items first published in a month, commune time: current ones and
	 * those kept in the archive after they expired.
	 */
	Page<Listed> month(YearMonth month, int page) {
		Instant from = month.atDay(1).atStartOfDay(zone()).toInstant();
		Instant until = month.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant();
		return this.catalog.publishedOrArchived(web(), from, until, this.clock.instant(), page, PAGE_SIZE)
			.map(this::listed);
	}

	/** The months (commune time) with visible items, newest first, with their counts. */
	Map<YearMonth, Long> months() {
		Map<YearMonth, Long> months = new LinkedHashMap<>();
		for (Instant at : this.catalog.publicationTimes(Channel.WEB, this.clock.instant())) {
			months.merge(YearMonth.from(at.atZone(zone())), 1L, Long::sum);
		}
		return months;
	}

	/**
	 * The search results for {@code query} among current and archived items, ranked, with
	 * marked titles and snippets.
	 */
	List<Listed> search(String query) {
		Highlighter marks = new Highlighter(query);
		Comparator<ItemView> ranking = Comparator.comparing((ItemView item) -> marks.matchesAll(item.title()) ? 0 : 1)
			.thenComparing(ItemView::publishedAt, Comparator.reverseOrder())
			.thenComparing(ItemView::id);
		Instant now = this.clock.instant();
		return this.catalog
			.publishedOrArchived(new ItemQuery(null, null, null, Channel.WEB, null, query), null, null, now, 0,
					SEARCH_LIMIT)
			.getContent()
			.stream()
			.sorted(ranking)
			.map((item) -> new Listed(item, date(item.publishedAt()), marks.mark(item.title()),
					marks.snippet(Markdown.toPlainText(item.bodyMarkdown()), 240), item.archivedAt(now)))
			.toList();
	}

	/** A theme of the plans by key. */
	Optional<PlanView.Theme> theme(String key) {
		return this.plans.themes().stream().filter((theme) -> theme.key().equals(key)).findFirst();
	}

	/** The themes of an item, titled; keys no plan knows any more are left out. */
	List<PlanView.Theme> themesOf(ItemView item) {
		return this.plans.themes().stream().filter((theme) -> item.themes().contains(theme.key())).toList();
	}

	/** {@code at} as residents read it: {@code 29/11/2026 09:30} in the commune zone. */
	String date(Instant at) {
		return (at != null) ? DATE_TIME.format(at.atZone(zone())) : "";
	}

	/**
	 * {@code at} as an HTML {@code datetime} in the commune zone, to the second (a real
	 * instant's microseconds are invalid there).
	 */
	String isoDate(Instant at) {
		return (at != null) ? Timestamps.iso(at, zone()) : "";
	}

	private static ItemQuery web() {
		return new ItemQuery(null, null, null, Channel.WEB, null, null);
	}

	private Listed listed(ItemView item) {
		String summary = (item.summary() != null) ? item.summary() : Markdown.toPlainText(item.bodyMarkdown());
		return new Listed(item, date(item.publishedAt()), HtmlUtils.htmlEscape(item.title(), "UTF-8"),
				new Highlighter(null).snippet(summary, 200), item.archivedAt(this.clock.instant()));
	}

	/**
	 * An item in a list: its date in commune time, its title and a short text as safe
	 * HTML (marked in search results), and whether it has expired into the archive.
	 */
	record Listed(ItemView item, String date, String titleHtml, String snippetHtml, boolean archived) {
	}

	/** The items around one: older and newer, each null at the ends. */
	record Neighbours(Listed older, Listed newer) {
	}

}
