package vn.bantin.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves the images kept by {@link WordImport}, publicly (they belong to items that will
 * be published), at {@code /media/<uuid>/image-N.png|jpg|gif}. The path variables only
 * match a UUID and such a name, so no request reaches outside the media folder; the
 * content type comes from the extension, which the import chose from the file's first
 * bytes. The files never change once written (each import has a new folder), so they may
 * be cached for a year.
 */
@Controller
class MediaController {

	private final Path root;

	MediaController(WordImport wordImport) {
		this.root = wordImport.mediaRoot().toAbsolutePath().normalize();
	}

	@GetMapping("/media/{folder:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}/{name:image-[0-9]{1,4}\\.(?:png|jpg|gif)}")
	ResponseEntity<Resource> image(@PathVariable String folder, @PathVariable String name) {
		Path file = this.root.resolve(folder).resolve(name).normalize();
		if (!file.startsWith(this.root) || !Files.isRegularFile(file)) {
			return ResponseEntity.notFound().build();
		}
		MediaType type = switch (name.substring(name.lastIndexOf('.') + 1)) {
			case "png" -> MediaType.IMAGE_PNG;
			case "jpg" -> MediaType.IMAGE_JPEG;
			default -> MediaType.IMAGE_GIF;
		};
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.body(new FileSystemResource(file));
	}

}
