package vn.bantin.audio;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import vn.bantin.system.ApiLanguage;
import vn.bantin.system.ApiProblem;
import vn.bantin.system.UploadRoute;

/**
 * The radio's uploads, which take recordings up to {@code bantin.radio.max-upload-size}
 * (200 MB) where other routes take 1 MB ({@link UploadRoute}). A request larger than that
 * is refused before its body is read, with the radio's reason: a 413 problem for the API,
 * the item's audio page with the reason for the admin form. Below it,
 * {@link UploadIntake} cuts the file off itself at {@code max-upload-size}.
 */
@Configuration(proxyBeanMethods = false)
class AudioUploadLimit {

	static final String API = "/api/items/[^/]+/audio";

	static final String ADMIN = "/admin/radio/audio/items/([^/]+)/upload";

	@Bean
	UploadRoute audioApiUpload(RadioAudioSettings settings, MessageSource messages) {
		return UploadRoute.of(API, settings.maxUploadSize(), (request, response, path) -> {
			String detail = messages.getMessage("audio.refused.too-large",
					new Object[] { settings.maxUploadSize().toMegabytes() }, ApiLanguage.of(request));
			ApiProblem.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, detail, "file");
		});
	}

	@Bean
	UploadRoute audioAdminUpload(RadioAudioSettings settings) {
		return UploadRoute.of(ADMIN, settings.maxUploadSize(), (request, response, path) -> response.sendRedirect(
				request.getContextPath() + "/admin/radio/audio/items/" + path.group(1) + "?refused=too-large"));
	}

}
