package vn.bantin.mailing;

import java.security.Principal;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.account.ResidentAddresses;
import vn.bantin.account.Role;
import vn.bantin.content.ItemCatalog;
import vn.bantin.content.ItemView;
import vn.bantin.system.BantinProperties;

/**
 * The sends page: every mailing with its progress (sent out of total) and status, and one
 * mailing's counts per status and recipients with the server's last answer, where an
 * officer pauses and resumes it, sends the failed ones again and decides about the
 * uncertain ones (send again, or mark as sent).
 */
@Controller
@RequestMapping("/admin/sends")
class SendsAdminController {

	static final int PAGE_SIZE = 50;

	private final Mailings mailings;

	private final ItemCatalog catalog;

	private final ZoneId zone;

	SendsAdminController(Mailings mailings, ItemCatalog catalog, BantinProperties properties) {
		this.mailings = mailings;
		this.catalog = catalog;
		this.zone = properties.zone();
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Mailings.MailingView> found = this.mailings.latest(page, PAGE_SIZE);
		model.addAttribute("rows", found.map((mailing) -> new Row(mailing, titles(mailing))));
		model.addAttribute("zone", this.zone);
		return "admin/sends/list";
	}

	@GetMapping("/{id}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String show(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
		Mailings.MailingView mailing = this.mailings.mailing(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		DeliveryStatus filter = DeliveryStatus.of(status);
		model.addAttribute("row", new Row(mailing, titles(mailing)));
		model.addAttribute("mailing", mailing);
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("filter", filter);
		boolean addresses = ResidentAddresses.visibleTo(user);
		model.addAttribute("deliveries",
				this.mailings.deliveries(id, filter, page, PAGE_SIZE).map((d) -> DeliveryPrivacy.shown(d, addresses)));
		model.addAttribute("addressesHidden", !addresses);
		model.addAttribute("zone", this.zone);
		return "admin/sends/show";
	}

	@PostMapping("/{id}/pause")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.mailings.pause(id) ? "sends.paused" : "sends.not-changed");
		return "redirect:/admin/sends/" + id;
	}

	@PostMapping("/{id}/resume")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.mailings.resume(id) ? "sends.resumed" : "sends.not-changed");
		return "redirect:/admin/sends/" + id;
	}

	@PostMapping("/{id}/retry-failed")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String retryFailed(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				(this.mailings.retryFailed(id) > 0) ? "sends.retrying" : "sends.not-changed");
		return "redirect:/admin/sends/" + id;
	}

	@PostMapping("/{id}/deliveries/{delivery}/send-again")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String sendAgain(@PathVariable long id, @PathVariable long delivery, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.mailings.sendAgain(id, delivery) ? "sends.sending-again" : "sends.not-changed");
		return "redirect:/admin/sends/" + id + "?status=uncertain";
	}

	@PostMapping("/{id}/deliveries/{delivery}/mark-sent")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String markSent(@PathVariable long id, @PathVariable long delivery, Principal principal,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.mailings.markSent(id, delivery, principal.getName()) ? "sends.marked-sent" : "sends.not-changed");
		return "redirect:/admin/sends/" + id + "?status=uncertain";
	}

	private List<String> titles(Mailings.MailingView mailing) {
		return mailing.itemIds()
			.stream()
			.map((item) -> this.catalog.item(item).map(ItemView::title).orElse(item))
			.toList();
	}

	/**
	 * A mailing with its items' titles.
	 *
	 * @param mailing the mailing
	 * @param titles its items' titles, in order
	 */
	record Row(Mailings.MailingView mailing, List<String> titles) {
	}

}
