package vn.bantin.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.bantin.content.PlanCatalog;

/**
 * The public home page: the latest items, a search box and the commune's plans.
 */
@Controller
class HomeController {

	private final PlanCatalog plans;

	private final SiteItems items;

	HomeController(PlanCatalog plans, SiteItems items) {
		this.plans = plans;
		this.items = items;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("latest", this.items.latest(null, 0, 10).getContent());
		return "site/home";
	}

}
