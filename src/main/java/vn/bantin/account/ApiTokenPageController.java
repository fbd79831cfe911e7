package vn.bantin.account;

import java.security.Principal;
import java.time.Clock;

import vn.bantin.system.RuleViolation;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every staff member's own API tokens: the list (never the secrets), a new token whose
 * secret is shown once, and revoking.
 */
@Controller
@RequestMapping("/admin/account/tokens")
@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
class ApiTokenPageController {

	private final ApiTokens tokens;

	private final Clock clock;

	ApiTokenPageController(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping
	String list(Principal principal, Model model) {
		model.addAttribute("form", new TokenForm("", ApiTokens.DEFAULT_DAYS));
		return page(principal, model);
	}

	@PostMapping
	String create(@ModelAttribute("form") TokenForm form, BindingResult errors, Principal principal, Model model) {
		if (errors.hasErrors()) {
			return page(principal, model);
		}
		try {
			var issued = this.tokens.issue(principal.getName(), form.name(), form.expiresInDays());
			model.addAttribute("issued", issued);
			model.addAttribute("form", new TokenForm("", ApiTokens.DEFAULT_DAYS));
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
		}
		return page(principal, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		this.tokens.revoke(principal.getName(), id, principal.getName());
		redirect.addFlashAttribute("notice", "account.tokens.revoked");
		return "redirect:/admin/account/tokens";
	}

	private String page(Principal principal, Model model) {
		model.addAttribute("tokens", this.tokens.list(principal.getName()));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
		return "account/tokens";
	}

	record TokenForm(String name, Integer expiresInDays) {
	}

}
