package vn.bantin.mailing;

import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import vn.bantin.system.RuleViolation;

/**
 * The sends page: every mailing with its progress (sent out of total) and status, and one
 * mailing's counts per status and recipients with the server's last answer, where an
 * officer pauses and resumes it, sends the failed ones again and decides about the
 * uncertain ones (send again, or mark as sent), and resumes or cancels a mailing the
 * workers held because an item it carries was edited after its approval. Approvers (and
 * administrators) send an item now from {@code /admin/sends/new}.
 */
@Controller
@RequestMapping("/admin/sends")
class SendsAdminController {

	static final int PAGE_SIZE = 50;

	private final Mailings mailings;

	private final ItemCatalog catalog;

	private final ZoneId zone;

	private final MessageSource messages;

	SendsAdminController(Mailings mailings, ItemCatalog catalog, BantinProperties properties, MessageSource messages) {
		this.messages = messages;
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
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		DeliveryStatus filter = DeliveryStatus.of(status);
		model.addAttribute("row", new Row(mailing, titles(mailing)));
		model.addAttribute("mailing", mailing);
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("filter", filter);
		boolean addresses = ResidentAddresses.visibleTo(user);
		model.addAttribute("deliveries",
				this.mailings.deliveries(id, filter, page, PAGE_SIZE).map((d) -> DeliveryPrivacy.shown(d, addresses)));
		model.addAttribute("addressesHidden", !addresses);
		model.addAttribute("heldTitles",
				mailing.held() ? mailing.hold()
					.itemIds()
					.stream()
					.map((item) -> this.catalog.item(item).map(ItemView::title).orElse(item))
					.toList() : List.of());
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
	String resume(@PathVariable long id, Principal principal, Locale locale, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("notice",
					this.mailings.resume(id, principal.getName()) ? "sends.resumed" : "sends.not-changed");
		}
		catch (SendRefused refused) {
			redirect.addFlashAttribute("sendsError", say(refused, locale));
		}
		return "redirect:/admin/sends/" + id;
	}

	@PostMapping("/{id}/cancel")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String cancel(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			this.mailings.cancel(id, principal.getName());
			redirect.addFlashAttribute("notice", "sends.cancelled");
		}
		catch (SendRefused refused) {
			redirect.addFlashAttribute("notice", "sends.not-changed");
		}
		return "redirect:/admin/sends/" + id;
	}

	/**
	 * The "send now" form: an approver sends an approved, released item that goes out by
	 * email to one list; a list that already had it needs "send again" with a reason.
	 */
	@GetMapping("/new")
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	String newSend(@RequestParam(required = false) String item, Model model) {
		model.addAttribute("form", new SendForm(item, null, Boolean.FALSE, null, UUID.randomUUID().toString()));
		return sendForm(model, item);
	}

	@PostMapping
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	String send(@ModelAttribute("form") SendForm form, BindingResult errors, Principal principal, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		String itemId = (form.itemId() != null) ? form.itemId().strip() : "";
		if (itemId.isEmpty()) {
			errors.rejectValue("itemId", "sends.error.item-required");
		}
		if (form.list() == null || form.list().isBlank()) {
			errors.rejectValue("list", "sends.error.list-required");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return sendForm(model, itemId);
		}
		try {
			long id = this.mailings.sendNow(form.list(), itemId, Boolean.TRUE.equals(form.again()), form.reason(),
					form.key(), principal.getName());
			redirect.addFlashAttribute("notice", "sends.sent-now");
			return "redirect:/admin/sends/" + id;
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		catch (SendRefused refused) {
			switch (refused.reason()) {
				case UNKNOWN_ITEM -> errors.rejectValue("itemId", refused.reason().messageKey());
				case UNKNOWN_LIST -> errors.rejectValue("list", refused.reason().messageKey());
				default -> {
					model.addAttribute("refusal", say(refused, locale));
					model.addAttribute("refusalReason", refused.reason().key());
				}
			}
			response.setStatus(switch (refused.reason()) {
				case UNKNOWN_ITEM, UNKNOWN_LIST -> HttpStatus.NOT_FOUND.value();
				default -> HttpStatus.CONFLICT.value();
			});
		}
		return sendForm(model, itemId);
	}

	private String say(SendRefused refused, Locale locale) {
		return this.messages.getMessage(refused.reason().messageKey(), refused.arguments(),
				refused.reason().messageKey(), locale);
	}

	private String sendForm(Model model, String itemId) {
		model.addAttribute("lists", this.mailings.lists());
		model.addAttribute("item",
				(itemId != null && !itemId.isBlank()) ? this.catalog.item(itemId.strip()).orElse(null) : null);
		model.addAttribute("zone", this.zone);
		return "admin/sends/new";
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
	 * The "send now" form.
	 *
	 * @param itemId the item to send
	 * @param list the list it goes to
	 * @param again send it although the list already had it
	 * @param reason why it is sent again
	 * @param key what makes this request unique: the same form submitted twice makes one
	 * send
	 */
	record SendForm(String itemId, String list, Boolean again, String reason, String key) {
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
