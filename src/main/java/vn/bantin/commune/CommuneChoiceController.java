package vn.bantin.commune;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.account.ProvinceStaff;

/**
 * On the province host, a user who may work in several communes (a cán bộ covering two
 * after a merger, a province role) chooses one: the session remembers it, and the admin
 * pages on the province host then run in that commune's scope
 * ({@link CommuneScopeFilter}) with the roles held there. A user of one commune goes
 * straight to it.
 */
@Controller
class CommuneChoiceController {

	static final String PATH = "/choose-commune";

	private final Communes communes;

	private final ProvinceStaff staff;

	CommuneChoiceController(Communes communes, ProvinceStaff staff) {
		this.communes = communes;
		this.staff = staff;
	}

	@GetMapping(PATH)
	String choices(Principal principal, HttpSession session, Model model) {
		List<Communes.CommuneSummary> choices = choices(principal);
		if (choices.size() == 1) {
			session.setAttribute(CommuneScopeFilter.CHOSEN, choices.get(0).id());
			return "redirect:/admin";
		}
		model.addAttribute("choices", choices);
		return "admin/choose-commune";
	}

	@PostMapping(PATH)
	String choose(@RequestParam String commune, Principal principal, HttpSession session) {
		Communes.CommuneSummary chosen = choices(principal).stream()
			.filter((c) -> c.key().equals(commune))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		session.setAttribute(CommuneScopeFilter.CHOSEN, chosen.id());
		return "redirect:/admin";
	}

	private List<Communes.CommuneSummary> choices(Principal principal) {
		boolean every = this.staff.holdsProvinceRole(principal.getName());
		Set<Long> allowed = this.staff.communesOf(principal.getName());
		return this.communes.all().stream().filter((c) -> every || allowed.contains(c.id())).toList();
	}

}
