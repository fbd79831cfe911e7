package vn.bantin.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import vn.bantin.text.VietnameseText;

/**
 * Items for the other modules and the editor: filtered, searched without regard to
 * diacritics or case, newest first.
 */
@Service
@Transactional(readOnly = true)
public class ItemCatalog {

	private final ItemStore items;

	ItemCatalog(ItemStore items) {
		this.items = items;
	}

	/** One page of the items that match, most recently changed first. */
	public Page<ItemView> find(ItemQuery query, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id")));
		return this.items.findAll(matching(query), request).map(Item::view);
	}

	/** The item with this id, if there is one. */
	public Optional<ItemView> item(String id) {
		return this.items.findById(ItemKeys.of(id)).map(Item::view);
	}

	/**
	 * One page of what residents may see at {@code now}: items the scheduler published by
	 * then, not expired, that match the query (its channel: the site asks for
	 * {@link Channel#WEB}, the feeds for {@link Channel#FEED}); newest first. The query's
	 * status is ignored.
	 */
	public Page<ItemView> published(ItemQuery query, java.time.Instant now, int page, int size) {
		return published(query, null, null, null, now, page, size);
	}

	/**
	 * Like {@link #published(ItemQuery, java.time.Instant, int, int)}, restricted to
	 * items first published in {@code [from, until)} (a month of the archive) and, when
	 * {@code tag} is not null, carrying that tag.
	 */
	public Page<ItemView> published(ItemQuery query, String tag, java.time.Instant from, java.time.Instant until,
			java.time.Instant now, int page, int size) {
		return published(visible(now), query, tag, from, until, page, size);
	}

	/**
	 * Like
	 * {@link #published(ItemQuery, String, java.time.Instant, java.time.Instant, java.time.Instant, int, int)}
	 * with the archive too: items that expired by {@code now} and are kept
	 * ({@link OnExpiry#ARCHIVE}), for the site's archive and its search.
	 */
	public Page<ItemView> publishedOrArchived(ItemQuery query, java.time.Instant from, java.time.Instant until,
			java.time.Instant now, int page, int size) {
		return published(visible(now).or(archived(now)), query, null, from, until, page, size);
	}

	private Page<ItemView> published(Specification<Item> shown, ItemQuery query, String tag, java.time.Instant from,
			java.time.Instant until, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("id")));
		ItemQuery any = new ItemQuery(null, query.kind(), query.theme(), query.channel(), query.priority(),
				query.text());
		Specification<Item> window = (root, criteria, builder) -> {
			List<Predicate> where = new ArrayList<>();
			if (from != null) {
				where.add(builder.greaterThanOrEqualTo(root.get("publishedAt"), from));
			}
			if (until != null) {
				where.add(builder.lessThan(root.get("publishedAt"), until));
			}
			if (StringUtils.hasText(tag)) {
				where.add(builder.isMember(tag, root.<java.util.Collection<String>>get("tags")));
			}
			return builder.and(where.toArray(Predicate[]::new));
		};
		return this.items.findAll(shown.and(window).and(matching(any)), request).map(Item::view);
	}

	/**
	 * Every item residents may see at {@code now} that matches the query and
	 * {@code keep}, newest first, at most {@code limit}: for lists filtered on what the
	 * database does not index (a procedure's field, whether an attachment is audio).
	 * Reads the matches page by page and stops at the limit.
	 */
	public List<ItemView> published(ItemQuery query, java.time.Instant now, java.util.function.Predicate<ItemView> keep,
			int limit) {
		return collect((page) -> published(query, now, page, 200), keep, limit);
	}

	/**
	 * Every item residents may read at {@code now}, current or archived, that matches the
	 * query, newest first, at most {@code limit}: what the sitemap lists.
	 */
	public List<ItemView> publishedOrArchived(ItemQuery query, java.time.Instant now, int limit) {
		return collect((page) -> publishedOrArchived(query, null, null, now, page, 200), (item) -> true, limit);
	}

	private static List<ItemView> collect(java.util.function.IntFunction<Page<ItemView>> pages,
			java.util.function.Predicate<ItemView> keep, int limit) {
		List<ItemView> kept = new ArrayList<>();
		for (int page = 0;; page++) {
			Page<ItemView> found = pages.apply(page);
			for (ItemView item : found) {
				if (keep.test(item)) {
					kept.add(item);
					if (kept.size() == limit) {
						return kept;
					}
				}
			}
			if (!found.hasNext()) {
				return kept;
			}
		}
	}

	/**
	 * When each item residents may see at {@code now} on {@code channel}, current or
	 * archived, was first published, newest first: what the site's archive groups by
	 * month.
	 */
	public List<java.time.Instant> publicationTimes(Channel channel, java.time.Instant now) {
		// the times alone: the archive page is read often and lists every item once
		return this.items.publicationTimes(now, "%," + channel.key() + ",%", OnExpiry.ARCHIVE);
	}

	/**
	 * The item visible on {@code channel} published just before ({@code newer} false) or
	 * just after ({@code newer} true) {@code item}, in the order of
	 * {@link #published(ItemQuery, java.time.Instant, int, int)}.
	 */
	public Optional<ItemView> neighbour(ItemView item, boolean newer, Channel channel, java.time.Instant now) {
		if (item.publishedAt() == null) {
			return Optional.empty();
		}
		java.time.Instant at = item.publishedAt();
		Specification<Item> side = (root, criteria, builder) -> newer
				? builder.or(builder.greaterThan(root.get("publishedAt"), at),
						builder.and(builder.equal(root.get("publishedAt"), at),
								builder.lessThan(root.get("id"), item.id())))
				: builder.or(builder.lessThan(root.get("publishedAt"), at), builder
					.and(builder.equal(root.get("publishedAt"), at), builder.greaterThan(root.get("id"), item.id())));
		Sort order = newer ? Sort.by(Sort.Order.asc("publishedAt"), Sort.Order.desc("id"))
				: Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("id"));
		// the first match only: a page would also count every match
		return this.items
			.findBy(visible(now).and(side).and(matching(new ItemQuery(null, null, null, channel, null, null))),
					(query) -> query.sortBy(order).first())
			.map(Item::view);
	}

	private static Specification<Item> visible(java.time.Instant now) {
		return (root, criteria, builder) -> builder.and(builder.equal(root.get("status"), ItemStatus.PUBLISHED),
				builder.lessThanOrEqualTo(root.get("publishedAt"), now),
				builder.or(builder.isNull(root.get("expireAt")), builder.greaterThan(root.get("expireAt"), now)));
	}

	private static Specification<Item> archived(java.time.Instant now) {
		return (root, criteria, builder) -> builder.and(builder.equal(root.get("status"), ItemStatus.PUBLISHED),
				builder.lessThanOrEqualTo(root.get("publishedAt"), now), builder.isNotNull(root.get("expireAt")),
				builder.lessThanOrEqualTo(root.get("expireAt"), now),
				builder.equal(root.get("onExpiry"), OnExpiry.ARCHIVE));
	}

	/**
	 * The latest instant, at or before {@code now}, at which what residents may see of
	 * the items changed: an item published, edited, withdrawn or archived, or expired at
	 * a time already past. Nothing is ever deleted, so the newest of these bounds every
	 * change of the visible items; the site uses it as its pages' Last-Modified. Two
	 * aggregate queries, cheap enough for every page view. The epoch when nothing was
	 * ever published.
	 */
	public java.time.Instant lastVisibleChange(java.time.Instant now) {
		java.time.Instant changed = this.items.lastChangeOfPublished(now);
		java.time.Instant expired = this.items.lastExpiryOfPublished(now);
		java.time.Instant latest = java.time.Instant.EPOCH;
		if (changed != null && changed.isAfter(latest)) {
			latest = changed;
		}
		if (expired != null && expired.isAfter(latest)) {
			latest = expired;
		}
		return latest;
	}

	/**
	 * Every item the scheduler may put out: approved or already published (whatever its
	 * publish and expiry times), in id order.
	 */
	public List<ItemView> releasable() {
		return this.items
			.findAll((root, criteria, builder) -> root.get("status").in(ItemStatus.APPROVED, ItemStatus.PUBLISHED),
					Sort.by("id"))
			.stream()
			.map(Item::view)
			.toList();
	}

	private static Specification<Item> matching(ItemQuery query) {
		return (root, criteria, builder) -> {
			List<Predicate> where = new ArrayList<>();
			if (query.status() != null) {
				where.add(builder.equal(root.get("status"), query.status()));
			}
			if (query.kind() != null) {
				where.add(builder.equal(root.get("kind"), query.kind()));
			}
			if (query.priority() != null) {
				where.add(builder.equal(root.get("priority"), query.priority()));
			}
			if (StringUtils.hasText(query.theme())) {
				where.add(builder.isMember(query.theme(), root.<java.util.Collection<String>>get("themes")));
			}
			if (query.channel() != null) {
				where.add(builder.like(builder.concat(builder.concat(",", root.get("channels")), ","),
						"%," + query.channel().key() + ",%"));
			}
			if (StringUtils.hasText(query.text())) {
				for (String word : VietnameseText.fold(query.text()).strip().split("\\s+")) {
					where.add(builder.like(root.get("searchText"), "%" + escape(word) + "%", '\\'));
				}
			}
			return builder.and(where.toArray(Predicate[]::new));
		};
	}

	private static String escape(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
