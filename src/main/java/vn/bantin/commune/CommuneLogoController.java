package vn.bantin.commune;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the commune's logo to the public pages.
 */
@Controller
class CommuneLogoController {

	private final Commune commune;

	CommuneLogoController(Commune commune) {
		this.commune = commune;
	}

	@GetMapping("/commune/logo")
	ResponseEntity<Resource> logo() {
		return this.commune.logo().map(CommuneLogoController::image).orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static ResponseEntity<Resource> image(Path file) {
		Resource resource = new FileSystemResource(file);
		MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.body(resource);
	}

}
