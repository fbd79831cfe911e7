package vn.bantin.site;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the shared page head to announce the feeds ({@code <link rel="alternate">}) on
 * every public page, the pages of this module, and not on the admin pages.
 */
@ControllerAdvice(basePackageClasses = FeedDiscovery.class)
class FeedDiscovery {

	@ModelAttribute("feedDiscovery")
	boolean feedDiscovery() {
		return true;
	}

}
