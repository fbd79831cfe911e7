package vn.bantin.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.bantin.content.PlanCatalog;

/**
 * The public home page.
 */
@Controller
class HomeController {

	private final PlanCatalog plans;

	HomeController(PlanCatalog plans) {
		this.plans = plans;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("plans", this.plans.plans());
		return "site/home";
	}

}
