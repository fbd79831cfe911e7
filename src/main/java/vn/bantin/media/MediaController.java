package vn.bantin.media;

import java.time.Duration;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves the files items attach at {@code /media/...}: uploads and content-folder files
 * alike ({@link MediaLibrary} decides which file, if any, an address means). An upload
 * reaches residents only once an item they may see refers to it ({@link UploadAudience});
 * until then only signed-in staff get it (not to be kept by shared caches), and anyone
 * else a 404, as for a file that does not exist. The body is a {@link Resource}, so
 * Spring MVC answers {@code Range} requests itself (206 with {@code Content-Range}, 416
 * when no range is satisfiable, {@code Accept-Ranges: bytes}) and HEAD with the headers
 * alone: phones seek in podcasts that way. Uploads never change at their address and are
 * kept by browsers for a year; content-folder files may be replaced under the same name,
 * so browsers ask again each time and get 304 while the ETag (size and modification time)
 * or Last-Modified still match.
 */
@Controller
class MediaController {

	private final MediaLibrary library;

	private final UploadAudience audience;

	MediaController(MediaLibrary library, UploadAudience audience) {
		this.library = library;
		this.audience = audience;
	}

	@GetMapping("/media/{*path}")
	ResponseEntity<Resource> file(@PathVariable String path, Authentication authentication) {
		Optional<MediaFile> found = this.library.atAddress("/media" + path);
		if (found.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		MediaFile file = found.get();
		if (!file.immutable() || this.audience.residentsMaySee(file.address())) {
			return answer(file, true);
		}
		boolean staff = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return staff ? answer(file, false) : ResponseEntity.notFound().build();
	}

	private static ResponseEntity<Resource> answer(MediaFile file, boolean forResidents) {
		CacheControl cache = !forResidents ? CacheControl.noStore()
				: file.immutable() ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
						: CacheControl.noCache().cachePublic();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type()))
			.cacheControl(cache)
			.eTag(file.etag())
			.lastModified(file.lastModified())
			.body(new FileSystemResource(file.path()));
	}

}
