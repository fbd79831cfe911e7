package vn.bantin.commune;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the commune's identity into every page's model as {@code commune}, for the
 * layouts.
 */
@ControllerAdvice
class CommuneModelAttributes {

	private final Commune commune;

	CommuneModelAttributes(Commune commune) {
		this.commune = commune;
	}

	@ModelAttribute("commune")
	CommuneIdentity commune() {
		return this.commune.identity();
	}

}
