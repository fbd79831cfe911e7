package vn.bantin.account;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.bantin.system.RuleViolation;

import org.springframework.http.HttpStatus;
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
 * Every staff member changes their own password here. The change ends their other
 * sessions and, unless they untick it, revokes their API tokens ({@link StaffDirectory}).
 */
@Controller
@RequestMapping("/admin/account/password")
@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
class OwnPasswordController {

	private final StaffDirectory directory;

	private final ApiTokens tokens;

	OwnPasswordController(StaffDirectory directory, ApiTokens tokens) {
		this.directory = directory;
		this.tokens = tokens;
	}

	@GetMapping
	String form(Principal principal, Model model) {
		model.addAttribute("form", new PasswordForm("", "", "", true));
		return page(principal, model);
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult errors, Principal principal, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
			errors.rejectValue("repeatPassword", "account.error.password-mismatch");
			return page(principal, model);
		}
		try {
			this.directory.changeOwnPassword(form.currentPassword(), form.newPassword(), form.revokesTokens(),
					Actor.of(request, principal));
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			if ("account.error.password-locked".equals(violation.messageKey())) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			return page(principal, model);
		}
		redirect.addFlashAttribute("notice",
				form.revokesTokens() ? "account.password.changed-tokens-revoked" : "account.password.changed");
		return "redirect:/admin";
	}

	private String page(Principal principal, Model model) {
		model.addAttribute("activeTokens", this.tokens.activeCount(principal.getName()));
		return "account/password";
	}

	/**
	 * @param revokeTokens whether to revoke the user's API tokens too; a form posted
	 * without the box at all (a script) revokes them, unticked it keeps them
	 */
	record PasswordForm(String currentPassword, String newPassword, String repeatPassword, Boolean revokeTokens) {

		public boolean revokesTokens() {
			return !Boolean.FALSE.equals(this.revokeTokens);
		}

	}

}
