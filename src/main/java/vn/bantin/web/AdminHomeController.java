package vn.bantin.web;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.bantin.account.Role;

/**
 * The admin area's start page, open to every staff role.
 */
@Controller
@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
class AdminHomeController {

	@GetMapping("/admin")
	String home() {
		return "admin/home";
	}

}
