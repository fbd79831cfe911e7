package vn.bantin.content;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.bantin.system.BantinProperties;
import vn.bantin.account.Role;

/**
 * Lists the problems of the last load of the content folder, so that editors see why a
 * file did not load without reading the server's log.
 */
@Controller
@Secured({ Role.Authority.EDITOR, Role.Authority.ADMIN })
class ContentProblemsController {

	private final ContentFolder folder;

	private final BantinProperties properties;

	ContentProblemsController(ContentFolder folder, BantinProperties properties) {
		this.folder = folder;
		this.properties = properties;
	}

	@GetMapping("/admin/content/problems")
	String problems(Model model) {
		model.addAttribute("problems", this.folder.problems());
		model.addAttribute("folder", this.properties.contentDir().toAbsolutePath().normalize().toString());
		return "admin/content/problems";
	}

}
