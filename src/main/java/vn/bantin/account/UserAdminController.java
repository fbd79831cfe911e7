package vn.bantin.account;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

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
 * Administrators create users, set their roles, disable them and reset their passwords.
 */
@Controller
@RequestMapping("/admin/users")
@Secured(Role.Authority.ADMIN)
class UserAdminController {

	private final StaffDirectory directory;

	UserAdminController(StaffDirectory directory) {
		this.directory = directory;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.directory.all());
		return "admin/users/list";
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
		model.addAttribute("user", user);
		model.addAttribute("form", UserForm.of(user));
		return "admin/users/form";
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
			model.addAttribute("user", this.directory.get(id));
			return "admin/users/form";
		}
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, Model model) {
		String password = this.directory.resetPassword(id);
		model.addAttribute("user", this.directory.get(id));
		model.addAttribute("newPassword", password);
		return "admin/users/password-reset";
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
