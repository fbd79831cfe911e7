package vn.bantin.content;

import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;

/**
 * Item and plan ids from slugs: an id is unique in the province, a slug only in its
 * commune ({@link CommuneTenancy#key(long, String)}). URLs, files and the JSON API show
 * slugs; every lookup in this module goes through {@link #of(String)}, which leaves an id
 * that already is a key as it is (the tenant filter still hides another commune's).
 */
final class ItemKeys {

	private ItemKeys() {
	}

	/**
	 * The id of {@code slug} in the commune in scope; unchanged without a scope (the
	 * default commune's ids are their slugs, and without a scope in a province nothing is
	 * found anyway).
	 */
	static String of(String slug) {
		return CurrentCommune.id()
			.filter((commune) -> commune > 0)
			.map((commune) -> CommuneTenancy.key(commune, slug))
			.orElse(slug);
	}

	/** What URLs and files show of an id. */
	static String slug(String id) {
		return CommuneTenancy.slug(id);
	}

}
