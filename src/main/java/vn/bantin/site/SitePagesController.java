package vn.bantin.site;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import vn.bantin.commune.Commune;
import vn.bantin.content.ItemView;
import vn.bantin.content.PlanView;
import vn.bantin.media.MediaLibrary;
import vn.bantin.text.Markdown;

/**
 * The public pages of items: one item, the latest, by theme, by tag, by month, and
 * search. Unknown and not (or no longer) visible items answer 404.
 */
@Controller
class SitePagesController {

	private final SiteItems items;

	private final Commune commune;

	private final MediaLibrary media;

	SitePagesController(SiteItems items, Commune commune, MediaLibrary media) {
		this.items = items;
		this.commune = commune;
		this.media = media;
	}

	@GetMapping("/items/{id}")
	String item(@PathVariable String id, Model model) {
		describe(id, model);
		return "site/item";
	}

	/**
	 * The item laid out for paper: no menus or player, the commune's name above, the
	 * attachments' full addresses and the page's own address below, so a printed notice
	 * pinned on a village board says where it came from. Works without JavaScript.
	 */
	@GetMapping("/items/{id}/print")
	String print(@PathVariable String id, Model model) {
		describe(id, model);
		return "site/item-print";
	}

	private void describe(String id, Model model) {
		ItemView item = this.items.visible(id).orElseThrow(SitePagesController::notFound);
		String plain = Markdown.toPlainText((item.summary() != null) ? item.summary() : item.bodyMarkdown());
		model.addAttribute("item", item);
		model.addAttribute("date", this.items.date(item.publishedAt()));
		model.addAttribute("isoDate", this.items.isoDate(item.publishedAt()));
		model.addAttribute("archived", this.items.archived(item));
		model.addAttribute("expiredDate", this.items.date(item.expireAt()));
		model.addAttribute("themes", this.items.themesOf(item));
		model.addAttribute("tags", item.tags().stream().sorted().toList());
		model.addAttribute("bodyHtml", Markdown.toHtml(item.bodyMarkdown()));
		model.addAttribute("attachments",
				item.attachments()
					.stream()
					.map((attachment) -> Attached.of(attachment, this.media))
					.flatMap(Optional::stream)
					.toList());
		model.addAttribute("neighbours", this.items.neighbours(item));
		model.addAttribute("canonical", absolute("/items/" + item.slug()));
		model.addAttribute("description", (plain.length() > 200) ? plain.substring(0, 199).strip() + "…" : plain);
		model.addAttribute("site", absolute("/").replaceAll("/+$", ""));
	}

	@GetMapping("/items")
	String latest(@RequestParam(defaultValue = "1") int page, Model model) {
		return list(model, "site.items.heading", null, this.items.latest(null, page - 1, SiteItems.PAGE_SIZE),
				"/items");
	}

	@GetMapping("/themes/{key}")
	String theme(@PathVariable String key, @RequestParam(defaultValue = "1") int page, Model model) {
		PlanView.Theme theme = this.items.theme(key).orElseThrow(SitePagesController::notFound);
		model.addAttribute("description", theme.description());
		return list(model, "site.theme.heading", theme.title(), this.items.latest(key, page - 1, SiteItems.PAGE_SIZE),
				"/themes/" + key);
	}

	@GetMapping("/tags/{tag}")
	String tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int page, Model model) {
		return list(model, "site.tag.heading", tag, this.items.tagged(tag, page - 1),
				UriComponentsBuilder.fromPath("/tags/{tag}").buildAndExpand(tag).encode().toUriString());
	}

	@GetMapping("/archive")
	String archive(Model model) {
		model.addAttribute("months",
				this.items.months()
					.entrySet()
					.stream()
					.map((entry) -> new ArchiveMonth(entry.getKey(), entry.getValue()))
					.toList());
		return "site/archive";
	}

	@GetMapping("/archive/{year:[0-9]{4}}/{month:[0-9]{2}}")
	String month(@PathVariable int year, @PathVariable int month, @RequestParam(defaultValue = "1") int page,
			Model model) {
		YearMonth when;
		try {
			when = YearMonth.of(year, month);
		}
		catch (DateTimeException ex) {
			throw notFound();
		}
		return list(model, "site.month.heading", String.format("%02d/%d", month, year),
				this.items.month(when, page - 1), ArchiveMonth.path(when));
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		SearchQuery query = SearchQuery.of(q);
		model.addAttribute("q", query.text());
		if (query.isEmpty()) {
			return "site/search";
		}
		if (query.shortened()) {
			model.addAttribute("shortened", true);
			model.addAttribute("maxTerms", SearchQuery.MAX_TERMS);
			model.addAttribute("maxLength", SearchQuery.MAX_LENGTH);
		}
		List<SiteItems.Listed> results = this.items.search(query.text());
		Page<SiteItems.Listed> shown = SiteItems.page(results, page);
		model.addAttribute("results", shown.getContent());
		model.addAttribute("total", results.size());
		String base = UriComponentsBuilder.fromPath("/search").queryParam("q", query.text()).encode().toUriString();
		model.addAttribute("pager", Pager.of(shown.getNumber() + 1, shown.getTotalPages(), base));
		return "site/search";
	}

	private String list(Model model, String heading, String subject, Page<SiteItems.Listed> page, String base) {
		if (page.getNumber() > 0 && page.getNumber() >= page.getTotalPages()) {
			throw notFound();
		}
		model.addAttribute("heading", heading);
		model.addAttribute("subject", subject);
		model.addAttribute("items", page.getContent());
		model.addAttribute("pager", Pager.of(page.getNumber() + 1, Math.max(1, page.getTotalPages()), base));
		return "site/list";
	}

	/**
	 * The address of {@code path} on the commune's public site: under its configured
	 * website address when there is one (the site may be served behind a proxy or
	 * exported), else under the address of this request.
	 */
	private String absolute(String path) {
		String base = this.commune.identity().websiteUrl();
		if (!StringUtils.hasText(base)) {
			base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		}
		return base.replaceAll("/+$", "") + UriComponentsBuilder.fromPath(path).encode().toUriString();
	}

	private static NotFound notFound() {
		return new NotFound();
	}

	/**
	 * Renders the Vietnamese (or English) 404 page here rather than through the
	 * container's error dispatch, so that the answer is the same behind any server and in
	 * a static export.
	 */
	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFoundPage(Model model) {
		// model attributes of controller advice are not added for exception handlers
		model.addAttribute("commune", this.commune.identity());
		return "error/404";
	}

	/** No such page, or not one residents may see (yet, or any more). */
	static class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}

	}

	/** A month of the archive and how many items it holds. */
	record ArchiveMonth(YearMonth month, long count) {

		public String path() {
			return path(this.month);
		}

		/** The address of a month of the archive, e.g. {@code /archive/2026/09}. */
		static String path(YearMonth month) {
			return String.format("/archive/%d/%02d", month.getYear(), month.getMonthValue());
		}

		public String label() {
			return String.format("%02d/%d", this.month.getMonthValue(), this.month.getYear());
		}

	}

	/**
	 * An attachment as a link: the address the site serves it at, its name, and whether
	 * it is audio to play in the page. An attachment whose file is not there (deleted
	 * from the content folder) is not shown, rather than shown as a broken link.
	 */
	record Attached(String url, String title, String audioType) {

		static Optional<Attached> of(ItemView.Attachment attachment, MediaLibrary media) {
			return media.find(attachment.file()).map((file) -> {
				String name = file.address().substring(file.address().lastIndexOf('/') + 1);
				return new Attached(file.url(), (attachment.title() != null) ? attachment.title() : name,
						file.audio() ? file.type() : null);
			});
		}

	}

}
