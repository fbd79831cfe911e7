package vn.bantin.commune;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.system.RuleViolation;
import vn.bantin.account.Role;

/**
 * Administrators edit the commune's identity and upload its logo.
 */
@Controller
@RequestMapping("/admin/commune")
@Secured(Role.Authority.ADMIN)
class CommuneAdminController {

	private final Commune commune;

	CommuneAdminController(Commune commune) {
		this.commune = commune;
	}

	@ModelAttribute("locales")
	List<String> locales() {
		return CommuneDetails.LOCALES;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", IdentityForm.of(this.commune.details()));
		return "admin/commune";
	}

	@PostMapping
	String save(@ModelAttribute("form") IdentityForm form, BindingResult errors, RedirectAttributes redirect) {
		try {
			this.commune.update(form.details());
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			return "admin/commune";
		}
		redirect.addFlashAttribute("notice", "commune.saved");
		return "redirect:/admin/commune";
	}

	@PostMapping("/logo")
	String uploadLogo(@RequestParam("logo") MultipartFile logo, RedirectAttributes redirect) throws IOException {
		try {
			this.commune.replaceLogo(logo.getBytes());
			redirect.addFlashAttribute("notice", "commune.logo.saved");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("logoError", violation.messageKey());
		}
		return "redirect:/admin/commune";
	}

	/** The identity form; parent units are edited one per line. */
	record IdentityForm(String name, String shortName, String level, String parentUnits, String address, String phone,
			String email, String websiteUrl, String signerTitle, String signerName, String localeTag) {

		static IdentityForm of(CommuneDetails details) {
			return new IdentityForm(details.name(), details.shortName(), details.level(),
					String.join("\n", details.parentUnits()), details.address(), details.phone(), details.email(),
					details.websiteUrl(), details.signerTitle(), details.signerName(), details.localeTag());
		}

		CommuneDetails details() {
			List<String> units = (this.parentUnits == null) ? List.of()
					: Arrays.stream(this.parentUnits.split("\\R")).toList();
			return new CommuneDetails(this.name, this.shortName, this.level, units, this.address, this.phone,
					this.email, this.websiteUrl, this.signerTitle, this.signerName, this.localeTag);
		}

	}

}
