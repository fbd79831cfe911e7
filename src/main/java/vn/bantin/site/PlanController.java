package vn.bantin.site;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.content.PlanCatalog;
import vn.bantin.content.PlanView;
import vn.bantin.text.Markdown;

/**
 * The commune's communication plans, rendered as the official plan lays them out: legal
 * bases, purposes and requirements, themes, who does what, and the plan's text.
 */
@Controller
class PlanController {

	private final PlanCatalog plans;

	PlanController(PlanCatalog plans) {
		this.plans = plans;
	}

	@GetMapping("/plans")
	String plans(Model model) {
		model.addAttribute("plans", this.plans.plans());
		return "site/plans";
	}

	@GetMapping("/plans/{id}")
	String plan(@PathVariable String id, Model model) {
		PlanView plan = this.plans.plan(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("plan", plan);
		model.addAttribute("body", this.plans.body(id).map(Markdown::toHtml).orElse(null));
		return "site/plan";
	}

}
