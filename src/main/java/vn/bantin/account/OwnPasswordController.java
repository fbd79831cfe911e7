package vn.bantin.account;

import java.security.Principal;

import vn.bantin.system.RuleViolation;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every staff member changes their own password here.
 */
@Controller
@RequestMapping("/admin/account/password")
@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
class OwnPasswordController {

	private final StaffDirectory directory;

	OwnPasswordController(StaffDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "account/password";
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult errors, Principal principal,
			RedirectAttributes redirect) {
		if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
			errors.rejectValue("repeatPassword", "account.error.password-mismatch");
			return "account/password";
		}
		try {
			this.directory.changeOwnPassword(principal.getName(), form.currentPassword(), form.newPassword());
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			return "account/password";
		}
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/admin";
	}

	record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {
	}

}
