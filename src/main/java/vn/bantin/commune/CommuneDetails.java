package vn.bantin.commune;

import java.util.List;
import java.util.Locale;

/**
 * The editable part of the identity, as the admin form and the settings give it.
 */
record CommuneDetails(String name, String shortName, String level, List<String> parentUnits, String address,
		String phone, String email, String websiteUrl, String signerTitle, String signerName, String localeTag) {

	static final List<String> LOCALES = List.of("vi", "en");

	CommuneDetails {
		parentUnits = List.copyOf(parentUnits);
	}

	static CommuneDetails of(CommuneSettings settings) {
		return new CommuneDetails(settings.name(), settings.shortName(), settings.level(), settings.parentUnits(),
				settings.address(), settings.phone(), settings.email(), settings.websiteUrl(), settings.signerTitle(),
				settings.signerName(), settings.locale().toLanguageTag());
	}

	Locale locale() {
		return Locale.forLanguageTag(this.localeTag);
	}

}
