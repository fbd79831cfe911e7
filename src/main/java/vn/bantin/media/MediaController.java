package vn.bantin.media;

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
 * Serves the files items attach, publicly (they belong to items that are or will be
 * published), at {@code /media/...}: uploads and content-folder files alike
 * ({@link MediaLibrary} decides which file, if any, an address means). The body is a
 * {@link Resource}, so Spring MVC answers {@code Range} requests itself (206 with
 * {@code Content-Range}, 416 when no range is satisfiable, {@code Accept-Ranges: bytes})
 * and HEAD with the headers alone: phones seek in podcasts that way. Uploads never change
 * at their address and are kept by browsers for a year; content-folder files may be
 * replaced under the same name, so browsers ask again each time and get 304 while the
 * ETag (size and modification time) or Last-Modified still match.
 */
@Controller
class MediaController {

	private final MediaLibrary library;

	MediaController(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/media/{*path}")
	ResponseEntity<Resource> file(@PathVariable String path) {
		return this.library.atAddress("/media" + path)
			.map(MediaController::answer)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static ResponseEntity<Resource> answer(MediaFile file) {
		CacheControl cache = file.immutable() ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
				: CacheControl.noCache().cachePublic();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type()))
			.cacheControl(cache)
			.eTag(file.etag())
			.lastModified(file.lastModified())
			.body(new FileSystemResource(file.path()));
	}

}
