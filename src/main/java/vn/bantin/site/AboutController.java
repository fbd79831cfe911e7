package vn.bantin.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page about the commune's organisation and how to reach it, in Vietnamese with an
 * English part (state websites must say in English who they are and how to contact them).
 * Everything on it comes from the commune's identity, edited on {@code /admin/commune}.
 */
@Controller
class AboutController {

	@GetMapping({ "/about", "/gioi-thieu", "/en/about" })
	String about() {
		return "site/about";
	}

}
