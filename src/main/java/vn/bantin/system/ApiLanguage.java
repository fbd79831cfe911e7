package vn.bantin.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The language of the JSON API's messages: Vietnamese, or English when the client asks
 * for it with {@code Accept-Language}. The API has no cookie or page to pick a language
 * on.
 */
public final class ApiLanguage {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	private ApiLanguage() {
	}

	/** The supported language the request prefers; Vietnamese when it names none. */
	public static Locale of(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (header == null || header.isBlank()) {
			return VIETNAMESE;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return (match != null) ? match : VIETNAMESE;
		}
		catch (IllegalArgumentException ex) {
			return VIETNAMESE;
		}
	}

}
