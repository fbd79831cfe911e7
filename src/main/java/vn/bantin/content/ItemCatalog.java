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

	private final Items items;

	ItemCatalog(Items items) {
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
		return this.items.findById(id).map(Item::view);
	}

	/**
	 * One page of what residents may see at {@code now}: items the scheduler published
	 * (on the web channel) by then, not expired, that match the query; newest first. The
	 * query's status is ignored.
	 */
	public Page<ItemView> published(ItemQuery query, java.time.Instant now, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("id")));
		ItemQuery any = new ItemQuery(null, query.kind(), query.theme(), query.channel(), query.priority(),
				query.text());
		Specification<Item> visible = (root, criteria, builder) -> builder.and(
				builder.equal(root.get("status"), ItemStatus.PUBLISHED),
				builder.lessThanOrEqualTo(root.get("publishedAt"), now),
				builder.or(builder.isNull(root.get("expireAt")), builder.greaterThan(root.get("expireAt"), now)));
		return this.items.findAll(visible.and(matching(any)), request).map(Item::view);
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
