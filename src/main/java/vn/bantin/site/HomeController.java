package vn.bantin.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;

import vn.bantin.content.PlanCatalog;

/**
 * The public home page: a banner for each live emergency, the latest items, today's radio
 * programme, the themes of the commune's plans, a search box and the ways to follow the
 * news (feeds; email subscription later).
 *
 * <p>
 * Its validators are {@link PageVersion}'s plus the radio programme: the page changes at
 * the commune's midnight (a new day's programme) and whenever the programme does, so
 * those enter Last-Modified and the ETag.
 */
@Controller
class HomeController {

	private final PlanCatalog plans;

	private final SiteItems items;

	private final RadioToday radio;

	private final PageVersion version;

	HomeController(PlanCatalog plans, SiteItems items, RadioToday radio, PageVersion version) {
		this.plans = plans;
		this.items = items;
		this.radio = radio;
		this.version = version;
	}

	@GetMapping("/")
	String home(ServletWebRequest request, Model model) {
		RadioToday.Day today = this.radio.today();
		if (this.version.notModified(request, today.changedAt(), today.fingerprint())) {
			return null;
		}
		model.addAttribute("emergencies", this.items.emergencies());
		model.addAttribute("radio", today);
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("latest", this.items.news(10));
		return "site/home";
	}

}
