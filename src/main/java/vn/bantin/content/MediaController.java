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
 * Serves the images kept by {@link WordImport} and the files uploaded by
 * {@link Attachments}, publicly (they belong to items that will be published), at
 * {@code /media/<uuid>/<name>.<ext>}. The path variables only match a UUID and a plain
 * lower-case name with an accepted extension, so no request reaches outside the media
 * folder; the content type comes from the extension, which was chosen from the file's
 * first bytes. The files never change once written (each import has a new folder), so
 * they may be cached for a year.
 */
@Controller
class MediaController {

	private final Path root;

	MediaController(WordImport wordImport) {
		this.root = wordImport.mediaRoot().toAbsolutePath().normalize();
	}

	@GetMapping("/media/{folder:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}/{name:[a-z0-9][a-z0-9-]{0,99}\\.(?:png|jpg|gif|webp|pdf|mp3|wav|ogg|m4a)}")
	ResponseEntity<Resource> image(@PathVariable String folder, @PathVariable String name) {
		Path file = this.root.resolve(folder).resolve(name).normalize();
		if (!file.startsWith(this.root) || !Files.isRegularFile(file)) {
			return ResponseEntity.notFound().build();
		}
		MediaType type = MediaType.parseMediaType(Attachments.TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.body(new FileSystemResource(file));
	}

}
