package vn.bantin.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemQuery;
import vn.bantin.content.ItemView;

/**
 * Every item of one kind that residents may see now, for the catalogues (procedures,
 * documents) that filter on fields the item query does not know. A commune has tens to a
 * few hundred of them, so they are filtered in memory and cut into pages here.
 */
@Component
class VisibleItems {

	/** Entries per catalogue page. */
	static final int PAGE_SIZE = 20;

	private final ItemCatalog catalog;

	private final Clock clock;

	VisibleItems(ItemCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The visible items of this kind, newest first. */
	List<ItemView> of(ItemKind kind) {
		Instant now = this.clock.instant();
		ItemQuery query = new ItemQuery(null, kind, null, null, null, null);
		List<ItemView> all = new ArrayList<>();
		int page = 0;
		Page<ItemView> found;
		do {
			found = this.catalog.published(query, now, page++, 200);
			all.addAll(found.getContent());
		}
		while (found.hasNext());
		return all;
	}

	/** The visible item of this kind with this id, if there is one. */
	java.util.Optional<ItemView> one(ItemKind kind, String id) {
		Instant now = this.clock.instant();
		return this.catalog.item(id).filter((item) -> item.kind() == kind && item.visibleAt(now));
	}

	/** Page {@code number} (1-based, clamped to the pages there are) of these entries. */
	static <T> Page<T> page(List<T> entries, int number) {
		int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int index = Math.min(Math.max(number, 1), pages) - 1;
		int from = index * PAGE_SIZE;
		return new PageImpl<>(entries.subList(from, Math.min(from + PAGE_SIZE, entries.size())),
				PageRequest.of(index, PAGE_SIZE), entries.size());
	}

}
