package vn.bantin.radio;

import java.nio.file.Files;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.bantin.account.Role;

/**
 * STAND-IN until the playlists' own controller is merged (it owns this URL): the audio
 * file of a playlist entry, with HTTP range requests (Spring answers {@code Range} for a
 * {@link Resource} body), so that the console's player can play and seek. 404 for a
 * script entry, an unknown occurrence or position, or a missing file.
 */
@Controller
class ConsoleAudioController {

	private final Playlists playlists;

	ConsoleAudioController(Playlists playlists) {
		this.playlists = playlists;
	}

	@GetMapping("/admin/radio/occurrences/{occurrenceId}/entries/{position}/audio")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	ResponseEntity<Resource> audio(@PathVariable String occurrenceId, @PathVariable int position) {
		return this.playlists.playlist(occurrenceId)
			.flatMap((playlist) -> playlist.entries().stream().filter((e) -> e.position() == position).findFirst())
			.filter((entry) -> entry.file() != null && Files.isRegularFile(entry.file()))
			.map((entry) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("audio/mpeg"))
				.<Resource>body(new FileSystemResource(entry.file())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
