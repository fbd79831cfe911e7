package vn.bantin.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security handles the POST.
 */
@Controller
class LoginController {

	@GetMapping(SecurityConfiguration.LOGIN_PAGE)
	String login() {
		return "account/login";
	}

}
