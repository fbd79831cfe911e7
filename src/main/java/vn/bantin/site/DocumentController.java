package vn.bantin.site;

import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemView;
import vn.bantin.media.MediaLibrary;
import vn.bantin.text.VietnameseText;

/**
 * The list of legal documents residents may see, with number and symbol, dates, abstract
 * and a download link, searched by number ("3153/QĐ-UBND", "3153") or by words without
 * regard to diacritics or case.
 */
@Controller
class DocumentController {

	private final SiteItems items;

	DocumentController(SiteItems items) {
		this.items = items;
	}

	@GetMapping("/documents")
	String documents(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			Model model) {
		// capped like the site's search: each word is a pass over every document
		SearchQuery search = SearchQuery.of(q);
		String query = search.isEmpty() ? null : search.text();
		List<Entry> matching = this.items.all(ItemKind.DOCUMENT)
			.stream()
			.filter((item) -> item.document() != null)
			.filter((item) -> query == null || matches(item, query))
			// a document whose number is searched for comes before those that only cite
			// it
			.sorted(java.util.Comparator.comparing((ItemView item) -> query == null || !numberMatches(item, query)))
			.map(Entry::of)
			.toList();
		Page<Entry> shown = SiteItems.page(matching, page);
		model.addAttribute("documents", shown);
		model.addAttribute("q", query);
		if (search.shortened()) {
			model.addAttribute("shortened", true);
			model.addAttribute("maxTerms", SearchQuery.MAX_TERMS);
			model.addAttribute("maxLength", SearchQuery.MAX_LENGTH);
		}
		model.addAttribute("pager", Pager.of(shown.getNumber() + 1, shown.getTotalPages(), link(query)));
		return "site/documents";
	}

	/**
	 * Whether the document answers the search: its number contains the query (ignoring
	 * case and diacritics), or every word of the query is in its number, issuer,
	 * abstract, title, summary or text.
	 */
	static boolean matches(ItemView item, String query) {
		if (numberMatches(item, query)) {
			return true;
		}
		ItemView.Document document = item.document();
		String wanted = fold(query);
		String text = fold(String.join("\n", nonNull(document.number()), nonNull(document.issuer()),
				nonNull(document.abstractText()), nonNull(item.title()), nonNull(item.summary()),
				nonNull(item.bodyMarkdown()), String.join(" ", item.tags())));
		for (String word : wanted.split("\\s+")) {
			if (!text.contains(word)) {
				return false;
			}
		}
		return true;
	}

	/** Whether the document's number contains the query, ignoring case and diacritics. */
	static boolean numberMatches(ItemView item, String query) {
		return fold(item.document().number()).contains(fold(query));
	}

	private static String fold(String text) {
		return VietnameseText.fold(nonNull(text)).toLowerCase(Locale.ROOT).strip();
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/** The list's address with its search, without a page number. */
	private static String link(String q) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/documents");
		if (q != null) {
			uri.queryParam("q", q);
		}
		return uri.encode().build().toUriString();
	}

	/**
	 * A document as the list shows it.
	 *
	 * @param item the item
	 * @param document what it carries
	 * @param download the address of its file on this site or elsewhere, or null
	 */
	record Entry(ItemView item, ItemView.Document document, String download) {

		static Entry of(ItemView item) {
			return new Entry(item, item.document(), download(item.document().file()));
		}

		/**
		 * Uploaded files are already addresses under {@code /media/}; files kept in the
		 * content folder ({@code media/x.pdf}) are served at {@code /media/x.pdf}
		 * ({@link MediaLibrary#url}); links elsewhere stay as they are.
		 */
		static String download(String file) {
			if (!StringUtils.hasText(file)) {
				return null;
			}
			if (file.startsWith("http://") || file.startsWith("https://")) {
				return file;
			}
			return MediaLibrary.url(file).orElse(null);
		}

	}

}
