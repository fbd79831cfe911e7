package vn.bantin.account;

import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators create users, set their roles, disable them and reset their passwords;
 * list and revoke a user's API tokens; see who is locked out after failed sign-ins and
 * unlock them.
 */
@Controller
@RequestMapping("/admin/users")
@Secured(Role.Authority.ADMIN)
class UserAdminController {

	private final StaffDirectory directory;

	private final ApiTokens tokens;

	private final LoginThrottle throttle;

	private final AccountSettings settings;

	private final Clock clock;

	UserAdminController(StaffDirectory directory, ApiTokens tokens, LoginThrottle throttle, AccountSettings settings,
			Clock clock) {
		this.directory = directory;
		this.tokens = tokens;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.directory.all());
		model.addAttribute("lockedCount", this.throttle.lockedAccounts().size());
		return "admin/users/list";
	}

	/** The staff users locked now after failed sign-ins, with an unlock button each. */
	@GetMapping("/locked")
	String locked(Model model) {
		model.addAttribute("locked", this.throttle.lockedAccounts());
		model.addAttribute("rules", this.settings.loginThrottle());
		return "admin/users/locked";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserForm(null, "", "", "", EnumSet.of(Role.EDITOR), true));
		return "admin/users/form";
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult errors, RedirectAttributes redirect) {
		try {
			StaffUser user = this.directory.create(form.username(), form.displayName(), form.password(),
					form.roleSet());
			redirect.addFlashAttribute("notice", "account.user.created");
			return "redirect:/admin/users/" + user.getId();
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			return "admin/users/form";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		StaffUser user = this.directory.get(id);
		model.addAttribute("form", UserForm.of(user));
		return userPage(user, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult errors,
			Principal principal, Model model, RedirectAttributes redirect) {
		try {
			this.directory.update(id, form.displayName(), form.roleSet(), form.isEnabled(), principal.getName());
			redirect.addFlashAttribute("notice", "account.user.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (RuleViolation violation) {
			errors.rejectValue(violation.field(), violation.messageKey());
			return userPage(this.directory.get(id), model);
		}
	}

	/**
	 * A new generated password; the user's sessions end, and their API tokens are revoked
	 * unless the box was unticked (a request without the box revokes them).
	 */
	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("reset") ResetForm form, Principal principal,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		StaffDirectory.Reset reset;
		try {
			reset = this.directory.resetPassword(id, form.revokesTokens(), Actor.of(request, principal));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("refused", violation.messageKey());
			return "redirect:/admin/users/" + id;
		}
		model.addAttribute("user", this.directory.get(id));
		model.addAttribute("newPassword", reset.password());
		model.addAttribute("tokensRevoked", reset.tokensRevoked());
		return "admin/users/password-reset";
	}

	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable long id, @PathVariable long tokenId, Principal principal,
			RedirectAttributes redirect) {
		this.tokens.revoke(this.directory.get(id).getUsername(), tokenId, principal.getName());
		redirect.addFlashAttribute("notice", "account.tokens.revoked");
		return "redirect:/admin/users/" + id + "#tokens";
	}

	@PostMapping("/{id}/tokens/revoke")
	String revokeAllTokens(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		this.tokens.revokeAll(this.directory.get(id).getUsername(), principal.getName());
		redirect.addFlashAttribute("notice", "account.user.tokens-revoked");
		return "redirect:/admin/users/" + id + "#tokens";
	}

	/**
	 * Lets the user sign in again from every address at once.
	 * @param back where to go next: the locked accounts list, or (by default) the user
	 */
	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, @RequestParam(required = false) String back, Principal principal,
			RedirectAttributes redirect) {
		this.throttle.unlock(this.directory.get(id).getUsername(), principal.getName());
		redirect.addFlashAttribute("notice", "account.locked.unlocked");
		return "locked".equals(back) ? "redirect:/admin/users/locked" : "redirect:/admin/users/" + id;
	}

	private String userPage(StaffUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("tokens", this.tokens.list(user.getUsername()));
		model.addAttribute("activeTokens", this.tokens.activeCount(user.getUsername()));
		model.addAttribute("lock", this.throttle.lockOf(user).orElse(null));
		model.addAttribute("now", this.clock.instant());
		return "admin/users/form";
	}

	/**
	 * @param revokeTokens whether to revoke the user's API tokens too: the box sends
	 * {@code true}, its marker {@code _revokeTokens} alone (unticked) false; a request
	 * without either revokes them
	 */
	record ResetForm(Boolean revokeTokens) {

		boolean revokesTokens() {
			return !Boolean.FALSE.equals(this.revokeTokens);
		}

	}

	/**
	 * The user form; {@code id} is null for a new user, {@code password} only used when
	 * creating.
	 */
	record UserForm(Long id, String username, String displayName, String password, Set<Role> roles, Boolean enabled) {

		static UserForm of(StaffUser user) {
			return new UserForm(user.getId(), user.getUsername(), user.getDisplayName(), "", user.getRoles(),
					user.isEnabled());
		}

		Set<Role> roleSet() {
			return (this.roles == null || this.roles.isEmpty()) ? EnumSet.noneOf(Role.class)
					: EnumSet.copyOf(this.roles);
		}

		boolean isEnabled() {
			return Boolean.TRUE.equals(this.enabled);
		}

	}

}
