package vn.bantin.wordimport;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.account.Role;
import vn.bantin.content.ItemDrafts;
import vn.bantin.system.RuleViolation;

/**
 * Importing a Word {@code .docx} file as a new draft news item ({@link WordImport}). The
 * draft goes to every channel at normal priority ({@link ItemDrafts#news}); the editor
 * reviews it, sets the rest and submits it as usual.
 */
@Controller
@RequestMapping("/admin/items/import")
@Secured(Role.Authority.EDITOR)
class WordImportController {

	private final WordImport wordImport;

	private final ItemDrafts drafts;

	WordImportController(WordImport wordImport, ItemDrafts drafts) {
		this.wordImport = wordImport;
		this.drafts = drafts;
	}

	@GetMapping
	String form(@RequestParam(name = "refused", required = false) String refused, Model model) {
		if (WordImportUploadLimit.TOO_LARGE.equals(refused)) {
			model.addAttribute("importError", "item.error.docx-size");
		}
		return form(model);
	}

	private String form(Model model) {
		model.addAttribute("maxMegabytes", WordImport.MAX_BYTES / (1024 * 1024));
		return "admin/items/import";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new RuleViolation("file", "item.error.docx-empty");
			}
			if (file.getSize() > WordImport.MAX_BYTES) {
				throw new RuleViolation("file", "item.error.docx-size");
			}
			WordImport.Imported imported;
			try (InputStream input = file.getInputStream()) {
				imported = this.wordImport.read(input);
			}
			String id;
			try {
				id = this.drafts.news(imported.title(), imported.body(), principal.getName());
			}
			catch (RuntimeException ex) {
				this.wordImport.discard(imported);
				throw ex;
			}
			redirect.addFlashAttribute("notice", "item.imported");
			return "redirect:/admin/items/" + id;
		}
		catch (RuleViolation violation) {
			model.addAttribute("importError", violation.messageKey());
			return form(model);
		}
	}

}
