package vn.bantin.radio;

import java.nio.file.Files;
import java.util.Locale;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;

/**
 * The audio of one playlist entry as an HTTP answer, for the console, the API and the
 * current-playlist URL alike. The body is a {@link Resource}, so Spring MVC answers
 * {@code Range} requests itself (206 with {@code Content-Range}, 416 when no range is
 * satisfiable, {@code Accept-Ranges: bytes}): a player seeks, and a browser's audio
 * element resumes, as with the media module's files. An entry read live has no audio: not
 * found.
 */
final class EntryAudio {

	private static final MediaType MPEG = MediaType.parseMediaType("audio/mpeg");

	private EntryAudio() {
	}

	static ResponseEntity<Resource> answer(Playlist playlist, int position) {
		return playlist.entry(position)
			.filter(Playlist.Entry::audible)
			.filter((entry) -> Files.isRegularFile(entry.file()))
			.map(EntryAudio::answer)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static ResponseEntity<Resource> answer(Playlist.Entry entry) {
		FileSystemResource file = new FileSystemResource(entry.file());
		String name = file.getFilename().toLowerCase(Locale.ROOT);
		MediaType type = name.endsWith(".mp3") ? MPEG
				: MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
		// a recording may be processed again under the same entry: ask each time, and
		// get 304 while the file is the same
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noCache())
			.eTag("\"" + Long.toHexString(entry.file().toFile().length()) + "-"
					+ Long.toHexString(entry.file().toFile().lastModified()) + "\"")
			.lastModified(entry.file().toFile().lastModified())
			.body(file);
	}

}
