package vn.bantin.publishing;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.account.Role;
import vn.bantin.content.Channel;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;

/**
 * The history of publications: every item that went out (or was planned, missed or
 * failed) on every channel, newest occurrence first, with its planned and actual time and
 * the reason of its decision. An approver lets an email that was too late go out after
 * all, or skips it.
 */
@Controller
@RequestMapping("/admin/publications")
class PublicationAdminController {

	static final int PAGE_SIZE = 50;

	private final Publications publications;

	private final ItemCatalog catalog;

	private final BantinProperties properties;

	PublicationAdminController(Publications publications, ItemCatalog catalog, BantinProperties properties) {
		this.publications = publications;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String history(@RequestParam(required = false) String item, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) PublicationStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		PublicationQuery query = new PublicationQuery(item, channel, status,
				(from != null) ? from.atStartOfDay(this.properties.zone()).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(this.properties.zone()).toInstant() : null);
		Page<Publications.PublicationView> found = this.publications.find(query, page, PAGE_SIZE);
		model.addAttribute("rows", found.map((publication) -> new Row(publication,
				this.catalog.item(publication.itemId()).map(ItemView::title).orElse(null))));
		model.addAttribute("item", query.itemId());
		model.addAttribute("channel", channel);
		model.addAttribute("status", status);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("statuses", PublicationStatus.values());
		model.addAttribute("zone", this.properties.zone());
		return "admin/publications/list";
	}

	@PostMapping("/{id}/confirm")
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	String confirm(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			this.publications.confirm(id, principal.getName());
			redirect.addFlashAttribute("notice", "history.confirmed");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("notice", "history.not-awaiting");
		}
		return "redirect:/admin/publications";
	}

	@PostMapping("/{id}/skip")
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	String skip(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			this.publications.skip(id, principal.getName());
			redirect.addFlashAttribute("notice", "history.skipped");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("notice", "history.not-awaiting");
		}
		return "redirect:/admin/publications";
	}

	/**
	 * One line of the history.
	 *
	 * @param publication the publication
	 * @param title its item's title, or null when the item is gone
	 */
	record Row(Publications.PublicationView publication, String title) {

		public boolean awaiting() {
			return this.publication.status() == PublicationStatus.AWAITING_CONFIRMATION;
		}

	}

}
