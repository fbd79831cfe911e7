package vn.bantin.content;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.account.ProvinceRole;
import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.Markdown;

/**
 * The web editor: writing and changing items, previewing them with the site's renderer,
 * archiving them, and their revision history with differences and restore. Works without
 * JavaScript; with it, the text area gets a formatting toolbar and the page warns before
 * leaving unsaved changes.
 */
@Controller
@RequestMapping("/admin/items")
class ItemEditorController {

	private final ItemEditor editor;

	private final ItemCatalog catalog;

	private final PlanCatalog plans;

	private final BantinProperties properties;

	private final Attachments attachments;

	ItemEditorController(ItemEditor editor, ItemCatalog catalog, PlanCatalog plans, BantinProperties properties,
			Attachments attachments) {
		this.editor = editor;
		this.attachments = attachments;
		this.catalog = catalog;
		this.plans = plans;
		this.properties = properties;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("themes", this.plans.themes());
	}

	@GetMapping("/new")
	@Secured(Role.Authority.EDITOR)
	String newItem(Model model) {
		model.addAttribute("form", ItemForm.blank());
		return "admin/items/form";
	}

	@PostMapping
	@Secured(Role.Authority.EDITOR)
	String create(@ModelAttribute("form") ItemForm form, BindingResult errors,
			@RequestParam(defaultValue = "save") String action, Principal principal, Model model,
			RedirectAttributes redirect) {
		if ("preview".equals(action)) {
			model.addAttribute("preview", Markdown.toHtml(form.body()));
			return "admin/items/form";
		}
		try {
			String id = this.editor.create(form.draft(this.properties.zone()), principal.getName());
			redirect.addFlashAttribute("notice", "item.created");
			return "redirect:/admin/items/" + ItemKeys.slug(id);
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			return "admin/items/form";
		}
	}

	@GetMapping("/{id}/edit")
	@Secured(Role.Authority.EDITOR)
	String edit(@PathVariable String id, Model model, RedirectAttributes redirect) {
		ItemView item = this.catalog.item(id).orElseThrow(() -> new UnknownItem(id));
		if (item.fromFile()) {
			return "redirect:/admin/items/" + ItemKeys.slug(id);
		}
		model.addAttribute("item", item);
		model.addAttribute("form", ItemForm.of(item, this.properties.zone()));
		return "admin/items/form";
	}

	@PostMapping("/{id}")
	@Secured(Role.Authority.EDITOR)
	String update(@PathVariable String id, @ModelAttribute("form") ItemForm form, BindingResult errors,
			@RequestParam(defaultValue = "save") String action, Principal principal, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("item", this.catalog.item(id).orElseThrow(() -> new UnknownItem(id)));
		if ("preview".equals(action)) {
			model.addAttribute("preview", Markdown.toHtml(form.body()));
			return "admin/items/form";
		}
		try {
			this.editor.update(id, form.draft(this.properties.zone()), principal.getName());
			redirect.addFlashAttribute("notice", "item.saved");
			return "redirect:/admin/items/" + ItemKeys.slug(id);
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			return "admin/items/form";
		}
	}

	@PostMapping("/{id}/attachments")
	@Secured(Role.Authority.EDITOR)
	String attach(@PathVariable String id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String title, Principal principal, RedirectAttributes redirect)
			throws java.io.IOException {
		try {
			String stored = this.attachments.store(file.getBytes(), file.getOriginalFilename());
			this.editor.attach(id, stored, title, principal.getName());
			redirect.addFlashAttribute("notice", "item.attached");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("attachError", violation.messageKey());
		}
		return "redirect:/admin/items/" + id;
	}

	@PostMapping("/{id}/archive")
	@Secured(Role.Authority.EDITOR)
	String archive(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
		this.editor.archive(id, principal.getName());
		redirect.addFlashAttribute("notice", "item.archived");
		return "redirect:/admin/items/" + id;
	}

	@GetMapping("/{id}/revisions")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN, ProvinceRole.Authority.VIEWER })
	String revisions(@PathVariable String id, @RequestParam(required = false) Integer number,
			@RequestParam(required = false) Integer since, Model model) {
		ItemView item = this.catalog.item(id).orElseThrow(() -> new UnknownItem(id));
		List<ItemRevision.Entry> revisions = this.editor.revisions(id);
		model.addAttribute("item", item);
		model.addAttribute("revisions", revisions);
		int shown = (number != null) ? number : (revisions.isEmpty() ? 0 : revisions.get(0).number());
		revisions.stream().filter((r) -> r.number() == shown).findFirst().ifPresent((revision) -> {
			// since: the revision an approver saw, to show everything that changed after
			// it
			ItemRevision.Entry previous = revisions.stream()
				.filter((r) -> (since != null && since < shown) ? r.number() == since : r.number() < shown)
				.findFirst()
				.orElse(new ItemRevision.Entry(0, revision.at(), "", "", null, "", null));
			model.addAttribute("notes",
					revisions.stream()
						.filter((r) -> r.number() > previous.number() && r.number() <= shown && r.note() != null)
						.map(ItemRevision.Entry::note)
						.toList());
			model.addAttribute("shown", revision);
			model.addAttribute("previous", previous);
			model.addAttribute("diff", LineDiff.between(previous.title() + "\n\n" + previous.bodyMarkdown(),
					revision.title() + "\n\n" + revision.bodyMarkdown()));
		});
		return "admin/items/revisions";
	}

	@PostMapping("/{id}/revisions/{number}/restore")
	@Secured(Role.Authority.EDITOR)
	String restore(@PathVariable String id, @PathVariable int number, Principal principal,
			RedirectAttributes redirect) {
		this.editor.restore(id, number, principal.getName());
		redirect.addFlashAttribute("notice", "item.restored");
		return "redirect:/admin/items/" + id + "/revisions";
	}

	/**
	 * Two changes to one item at the same moment (two editors, an editor and the
	 * scheduler): the later one is refused (a version that moved, or the database's
	 * deadlock victim), nothing half-saved; the editor looks again.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	void concurrent(ConcurrencyFailureException concurrent, HttpServletResponse response) throws java.io.IOException {
		response.sendError(HttpStatus.CONFLICT.value());
	}

}
