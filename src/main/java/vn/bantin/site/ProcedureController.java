package vn.bantin.site;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.bantin.content.ItemKind;
import vn.bantin.content.ItemView;
import vn.bantin.content.ProcedureStatus;
import vn.bantin.text.Markdown;

/**
 * The catalogue of administrative procedures (TTHC) residents may see, filtered by field
 * and status, and each procedure's page with its details, status history and portal link.
 * Amended and repealed procedures stay listed, marked in words, because residents still
 * look them up.
 */
@Controller
class ProcedureController {

	private final SiteItems items;

	ProcedureController(SiteItems items) {
		this.items = items;
	}

	@GetMapping("/procedures")
	String procedures(@RequestParam(required = false) String field, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, Model model) {
		List<ItemView> all = this.items.all(ItemKind.PROCEDURE)
			.stream()
			.filter((item) -> item.procedure() != null)
			.toList();
		ProcedureStatus wanted = status(status).orElse(null);
		String chosenField = StringUtils.hasText(field) ? field.strip() : null;
		List<ItemView> matching = all.stream()
			.filter((item) -> chosenField == null || chosenField.equals(item.procedure().field()))
			.filter((item) -> wanted == null || wanted == item.procedure().status())
			.toList();
		Page<ItemView> shown = SiteItems.page(matching, page);
		model.addAttribute("procedures", shown);
		model.addAttribute("fields",
				all.stream()
					.map((item) -> item.procedure().field())
					.filter(Objects::nonNull)
					.distinct()
					.sorted()
					.toList());
		model.addAttribute("statuses", ProcedureStatus.values());
		model.addAttribute("field", chosenField);
		model.addAttribute("status", (wanted != null) ? wanted.key() : null);
		model.addAttribute("pager", Pager.of(shown.getNumber() + 1, shown.getTotalPages(), link(chosenField, wanted)));
		return "site/procedures";
	}

	@GetMapping("/procedures/{id}")
	String procedure(@PathVariable String id, Model model) {
		ItemView item = this.items.visible(ItemKind.PROCEDURE, id)
			.filter((found) -> found.procedure() != null)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("item", item);
		model.addAttribute("procedure", item.procedure());
		model.addAttribute("body",
				StringUtils.hasText(item.bodyMarkdown()) ? Markdown.toHtml(item.bodyMarkdown()) : null);
		return "site/procedure";
	}

	/** The status a filter names, by its key ({@code amended}) or its name. */
	private static Optional<ProcedureStatus> status(String value) {
		if (!StringUtils.hasText(value)) {
			return Optional.empty();
		}
		return Arrays.stream(ProcedureStatus.values())
			.filter((candidate) -> candidate.key().equalsIgnoreCase(value.strip())
					|| candidate.name().equalsIgnoreCase(value.strip()))
			.findFirst();
	}

	/** The catalogue's address with its filters, without a page number. */
	private static String link(String field, ProcedureStatus status) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/procedures");
		if (field != null) {
			uri.queryParam("field", field);
		}
		if (status != null) {
			uri.queryParam("status", status.key());
		}
		return uri.encode().build().toUriString();
	}

}
