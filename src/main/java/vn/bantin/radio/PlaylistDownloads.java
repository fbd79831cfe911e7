package vn.bantin.radio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answers of a playlist's exports, the same from the admin pages, the API and
 * the current-playlist URL: media types, a file name for downloads, and no caching (a
 * planned playlist changes as items are approved).
 */
final class PlaylistDownloads {

	/** M3U8 (RFC 8216 names {@code audio/mpegurl} for UTF-8 playlists). */
	static final MediaType M3U8 = new MediaType("audio", "mpegurl", StandardCharsets.UTF_8);

	static final MediaType XSPF = new MediaType("application", "xspf+xml", StandardCharsets.UTF_8);

	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private PlaylistDownloads() {
	}

	static ResponseEntity<String> m3u8(PlaylistExports exports, Playlist playlist,
			Function<Playlist.Entry, String> location) {
		return text(M3U8, exports.baseName(playlist) + ".m3u8", exports.m3u8(playlist, location));
	}

	static ResponseEntity<String> xspf(PlaylistExports exports, Playlist playlist,
			Function<Playlist.Entry, String> location) {
		return text(XSPF, exports.baseName(playlist) + ".xspf", exports.xspf(playlist, location));
	}

	/**
	 * The ZIP, written into the response as it goes, on the request's thread (no file is
	 * made on the server, and no asynchronous dispatch that would need the caller's
	 * credentials again).
	 */
	static void zip(PlaylistExports exports, Playlist playlist, Locale locale, HttpServletResponse response)
			throws IOException {
		response.setContentType(ZIP.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(exports.baseName(playlist) + ".zip").build().toString());
		exports.zip(playlist, locale, response.getOutputStream());
		response.flushBuffer();
	}

	private static ResponseEntity<String> text(MediaType type, String name, String body) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(body);
	}

}
