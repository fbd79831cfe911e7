package vn.bantin.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemView;
import vn.bantin.commune.SiteAddress;
import vn.bantin.content.PlanCatalog;
import vn.bantin.text.Timestamps;

/**
 * {@code robots.txt} and {@code sitemap.xml}: how search engines find every public page.
 * Addresses are absolute, built from the request's host, so the same server answers
 * correctly behind any name; only what residents may see now is listed.
 */
@RestController
class Sitemap {

	/** The sitemap protocol's limit of addresses per file. */
	static final int MAX_URLS = 50_000;

	private final SiteItems items;

	private final PlanCatalog plans;

	private final SiteAddress site;

	Sitemap(SiteItems items, PlanCatalog plans, SiteAddress site) {
		this.site = site;
		this.items = items;
		this.plans = plans;
	}

	@GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
	String robots(HttpServletRequest request) {
		return "User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /login\nDisallow: /api/\nDisallow: /calendar/\n"
				+ "Sitemap: " + base(request) + "/sitemap.xml\n";
	}

	@GetMapping(path = "/sitemap.xml")
	ResponseEntity<String> sitemap(HttpServletRequest request) {
		String base = base(request);
		List<String> urls = new ArrayList<>();
		urls.add(url(base + "/", null));
		urls.add(url(base + "/items", null));
		urls.add(url(base + "/about", null));
		urls.add(url(base + "/procedures", null));
		urls.add(url(base + "/documents", null));
		urls.add(url(base + "/plans", null));
		this.plans.plans()
			.forEach(
					(plan) -> urls.add(url(base + "/plans/" + UriUtils.encodePathSegment(plan.slug(), "UTF-8"), null)));
		this.plans.themes()
			.forEach((theme) -> urls
				.add(url(base + "/themes/" + UriUtils.encodePathSegment(theme.key(), "UTF-8"), null)));
		urls.add(url(base + "/archive", null));
		this.items.months()
			.keySet()
			.forEach((month) -> urls.add(url(base + SitePagesController.ArchiveMonth.path(month), null)));
		List<ItemView> readable = this.items.all(MAX_URLS);
		// tag pages list current items only, so tags of archived items have no page of
		// their own
		readable.stream()
			.filter((item) -> !this.items.archived(item))
			.flatMap((item) -> item.tags().stream())
			.distinct()
			.sorted()
			.forEach((tag) -> urls.add(url(base + "/tags/" + UriUtils.encodePathSegment(tag, "UTF-8"), null)));
		for (ItemView item : readable) {
			Instant modified = (item.updatedAt() != null) ? item.updatedAt() : item.publishedAt();
			if (urls.size() < MAX_URLS) {
				urls.add(url(base + "/items/" + UriUtils.encodePathSegment(item.slug(), "UTF-8"), modified));
			}
			if (item.kind() == ItemKind.PROCEDURE && urls.size() < MAX_URLS) {
				urls.add(url(base + "/procedures/" + UriUtils.encodePathSegment(item.slug(), "UTF-8"), modified));
			}
		}
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		urls.forEach(xml::append);
		xml.append("</urlset>\n");
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
			.body(xml.toString());
	}

	private static String url(String location, Instant modified) {
		return "  <url><loc>" + HtmlUtils.htmlEscape(location, "UTF-8") + "</loc>"
				+ ((modified != null) ? "<lastmod>" + Timestamps.iso(modified) + "</lastmod>" : "") + "</url>\n";
	}

	private String base(HttpServletRequest request) {
		return this.site.base(request);
	}

}
