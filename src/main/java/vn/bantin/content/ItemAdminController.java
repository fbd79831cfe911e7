package vn.bantin.content;

import java.security.Principal;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.system.RuleViolation;
import vn.bantin.account.Role;
import vn.bantin.text.Markdown;

/**
 * The editor's item list and item page, with the workflow actions: editors submit,
 * approvers approve or reject. Items kept in files are read-only here; their page names
 * the file.
 */
@Controller
@RequestMapping("/admin/items")
class ItemAdminController {

	static final int PAGE_SIZE = 25;

	private final ItemCatalog catalog;

	private final ItemWorkflow workflow;

	private final PlanCatalog plans;

	ItemAdminController(ItemCatalog catalog, ItemWorkflow workflow, PlanCatalog plans) {
		this.catalog = catalog;
		this.workflow = workflow;
		this.plans = plans;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String list(@RequestParam(required = false) ItemStatus status, @RequestParam(required = false) ItemKind kind,
			@RequestParam(required = false) String theme, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ItemQuery query = new ItemQuery(status, kind, theme, channel, priority, q);
		Page<ItemView> items = this.catalog.find(query, page, PAGE_SIZE);
		model.addAttribute("query", query);
		model.addAttribute("items", items);
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("themes", this.plans.themes());
		return "admin/items/list";
	}

	@GetMapping("/{id}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	String item(@PathVariable String id, Model model) {
		show(id, model);
		return "admin/items/item";
	}

	private void show(String id, Model model) {
		ItemView item = this.catalog.item(id).orElseThrow(() -> new UnknownItem(id));
		model.addAttribute("item", item);
		Map<String, String> titles = this.plans.themes()
			.stream()
			.collect(Collectors.toMap(PlanView.Theme::key, PlanView.Theme::title, (first, second) -> first));
		model.addAttribute("themeTitles",
				item.themes().stream().sorted().map((key) -> titles.getOrDefault(key, key)).toList());
		// the same renderer as the site, so the preview is what residents will see
		model.addAttribute("preview", Markdown.toHtml(item.bodyMarkdown()));
		model.addAttribute("history", this.workflow.history(id));
		model.addAttribute("fourEyes", this.workflow.fourEyes());
	}

	@PostMapping("/{id}/submit")
	@Secured(Role.Authority.EDITOR)
	String submit(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
		this.workflow.submit(id, principal.getName());
		redirect.addFlashAttribute("notice", "item.submitted");
		return "redirect:/admin/items/" + id;
	}

	@PostMapping("/{id}/approve")
	@Secured(Role.Authority.APPROVER)
	String approve(@PathVariable String id, @RequestParam(required = false) Integer revision,
			Authentication authentication, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			this.workflow.approve(id, revision, authentication.getName(), Role.heldBy(authentication));
		}
		catch (ItemChangedSinceSeen changed) {
			// the page again, at its new revision, with the way to what changed
			return refused(id, model, response, HttpStatus.CONFLICT, "item.error.changed-since-seen",
					new Object[] { changed.seen(), changed.current() }, changed.diffPath());
		}
		catch (ConcurrencyFailureException concurrent) {
			// changed at the same moment by someone else (or the scheduler), or the
			// database chose this transaction as a deadlock's victim: rolled back whole,
			// look again
			return refused(id, model, response, HttpStatus.CONFLICT, "item.error.changed-concurrently", null, null);
		}
		catch (FourEyesRefused fourEyes) {
			return refused(id, model, response, HttpStatus.CONFLICT, "item.error.four-eyes", null, null);
		}
		catch (RuleViolation missing) {
			return refused(id, model, response, HttpStatus.BAD_REQUEST, missing.messageKey(), null, null);
		}
		redirect.addFlashAttribute("notice", "item.approved");
		return "redirect:/admin/items/" + id;
	}

	/** The item's page again with why the approval was refused. */
	private String refused(String id, Model model, HttpServletResponse response, HttpStatus status, String key,
			Object[] arguments, String diffLink) {
		response.setStatus(status.value());
		show(id, model);
		model.addAttribute("approveError", key);
		model.addAttribute("approveErrorArguments", arguments);
		model.addAttribute("diffLink", diffLink);
		return "admin/items/item";
	}

	@PostMapping("/{id}/reject")
	@Secured(Role.Authority.APPROVER)
	String reject(@PathVariable String id, @RequestParam(required = false) String comment, Principal principal,
			RedirectAttributes redirect) {
		try {
			this.workflow.reject(id, principal.getName(), comment);
			redirect.addFlashAttribute("notice", "item.rejected");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("rejectError", violation.messageKey());
		}
		return "redirect:/admin/items/" + id;
	}

}
