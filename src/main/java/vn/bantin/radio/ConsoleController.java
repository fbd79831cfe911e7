package vn.bantin.radio;

import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;

/**
 * The operator's console page: now and next, today's and tomorrow's occurrences, the
 * emergency banner, and a playlist with its player. The page reads without JavaScript
 * (scripts and schedule); playing needs {@code radio-console.js}, which reports every
 * entry to {@link ConsoleEventsController}.
 */
@Controller
class ConsoleController {

	/** Reasons the operator picks from when skipping, as message keys. */
	static final List<String> SKIP_REASONS = List.of("console.skip.reason.time", "console.skip.reason.content",
			"console.skip.reason.audio");

	private final Console console;

	private final BantinProperties properties;

	ConsoleController(Console console, BantinProperties properties) {
		this.console = console;
		this.properties = properties;
	}

	@GetMapping("/admin/radio")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String console(@RequestParam(name = "occurrence", required = false) String occurrence,
			@RequestParam(name = "play", required = false) String play, Model model) {
		Console.View view = this.console.view(occurrence);
		model.addAttribute("view", view);
		model.addAttribute("zone", this.properties.zone());
		model.addAttribute("current", view.current().orElse(null));
		model.addAttribute("next", view.next().orElse(null));
		model.addAttribute("emergency", view.emergency().orElse(null));
		model.addAttribute("emergencyPlaylist", view.emergencyPlaylist().orElse(null));
		model.addAttribute("playing", view.playing().orElse(null));
		model.addAttribute("chosen", occurrence);
		model.addAttribute("autoplay", "now".equals(play));
		model.addAttribute("skipReasons", SKIP_REASONS);
		return "admin/radio/console";
	}

}
