package vn.bantin.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security handles the POST.
 */
@Controller
class LoginController {

	private final CommuneSites sites;

	LoginController(CommuneSites sites) {
		this.sites = sites;
	}

	/**
	 * @param elsewhere set after a user of another commune signed in here: the commune
	 * whose site the page names
	 */
	@GetMapping(SecurityConfiguration.LOGIN_PAGE)
	String login(@org.springframework.web.bind.annotation.RequestParam(required = false) Long elsewhere,
			org.springframework.ui.Model model) {
		if (elsewhere != null) {
			this.sites.of(elsewhere).ifPresent((site) -> model.addAttribute("elsewhere", site));
		}
		return "account/login";
	}

}
