package vn.bantin.commune;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.system.RuleViolation;

/**
 * The province's communes, for the province administrator: list, add, change the name,
 * host names and zone, archive. The province viewer may read the list.
 */
@Controller
@RequestMapping("/admin/province/communes")
class ProvinceCommunesController {

	private static final String PAGE = "admin/province-communes";

	private final Communes communes;

	ProvinceCommunesController(Communes communes) {
		this.communes = communes;
	}

	@GetMapping
	@Secured({ "ROLE_PROVINCE_ADMIN", "ROLE_PROVINCE_VIEWER" })
	String list(Model model) {
		model.addAttribute("communes", this.communes.all());
		return PAGE;
	}

	@PostMapping
	@Secured("ROLE_PROVINCE_ADMIN")
	String create(CommuneForm form, Model model, RedirectAttributes redirect) {
		try {
			this.communes.create(form.key(), form.name(), lines(form.hosts()), zone(form.zone()));
		}
		catch (RuleViolation violation) {
			return refused(model, violation.messageKey());
		}
		catch (Communes.Taken taken) {
			return refused(model, "key".equals(taken.field()) ? "commune.error.key-taken" : "commune.error.host-taken");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/province/communes";
	}

	@PostMapping("/{key}")
	@Secured("ROLE_PROVINCE_ADMIN")
	String update(@PathVariable String key, CommuneForm form, Model model, RedirectAttributes redirect) {
		if (this.communes.summary(key).isEmpty()) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		try {
			this.communes.update(key, form.name(), lines(form.hosts()), zone(form.zone()));
		}
		catch (RuleViolation violation) {
			return refused(model, violation.messageKey());
		}
		catch (Communes.Taken taken) {
			return refused(model, "commune.error.host-taken");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/province/communes";
	}

	@PostMapping("/{key}/archive")
	@Secured("ROLE_PROVINCE_ADMIN")
	String archive(@PathVariable String key, Model model, RedirectAttributes redirect) {
		if (this.communes.summary(key).isEmpty()) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		try {
			this.communes.archive(key);
		}
		catch (RuleViolation violation) {
			return refused(model, violation.messageKey());
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/province/communes";
	}

	private String refused(Model model, String messageKey) {
		model.addAttribute("communes", this.communes.all());
		model.addAttribute("error", messageKey);
		return PAGE;
	}

	private static List<String> lines(String hosts) {
		if (hosts == null) {
			return List.of();
		}
		return Arrays.stream(hosts.split("[\\s,]+")).map(String::strip).filter((h) -> !h.isEmpty()).toList();
	}

	private static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (RuntimeException ex) {
			throw new RuleViolation("zone", "commune.error.required");
		}
	}

	/**
	 * The form of a commune; every field may be missing (bound after the role check, so
	 * that a missing field never answers before {@code @Secured} does).
	 */
	record CommuneForm(String key, String name, String hosts, String zone) {
	}

}
