package vn.bantin.radio;

import java.time.Clock;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.commune.SiteAddress;

/**
 * "The current playlist" at a stable secret URL, for a media player or an IP-speaker
 * system that cannot sign in: {@code /radio/{token}/current.m3u8} (also {@code .xspf},
 * {@code .json}) is the playlist of the occurrence in progress, or else the next one;
 * {@code ?zone=thon-1} for a zone's speakers (its own occurrences and the whole
 * commune's), the whole commune's by default. Its audio URLs carry the same secret and
 * are on the site's configured address ({@link SiteAddress}), not the request's
 * {@code Host}, which a cache in front could keep and give to every player. The secret is
 * the permission ({@link RadioTokens}): an unknown or revoked one is simply not found,
 * and nothing here creates a session or sets a cookie.
 */
@RestController
class CurrentPlaylistController {

	private final RadioTokens tokens;

	private final Playlists playlists;

	private final PlaylistExports exports;

	private final SiteAddress site;

	private final Clock clock;

	CurrentPlaylistController(RadioTokens tokens, Playlists playlists, PlaylistExports exports, SiteAddress site,
			Clock clock) {
		this.tokens = tokens;
		this.playlists = playlists;
		this.exports = exports;
		this.site = site;
		this.clock = clock;
	}

	@GetMapping("/radio/{token}/current.m3u8")
	ResponseEntity<String> m3u8(@PathVariable String token, @RequestParam(required = false) String zone) {
		Playlist playlist = current(token, zone);
		return PlaylistDownloads.m3u8(this.exports, playlist, audio(token, playlist));
	}

	@GetMapping("/radio/{token}/current.xspf")
	ResponseEntity<String> xspf(@PathVariable String token, @RequestParam(required = false) String zone) {
		Playlist playlist = current(token, zone);
		return PlaylistDownloads.xspf(this.exports, playlist, audio(token, playlist));
	}

	@GetMapping("/radio/{token}/current.json")
	ResponseEntity<PlaylistJson.Body> json(@PathVariable String token, @RequestParam(required = false) String zone) {
		Playlist playlist = current(token, zone);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(PlaylistJson.of(playlist, this.playlists.zone(), null, audio(token, playlist)));
	}

	@GetMapping("/radio/{token}/occurrences/{id}/entries/{position}/audio")
	ResponseEntity<Resource> audio(@PathVariable String token, @PathVariable String id, @PathVariable int position) {
		known(token);
		return this.playlists.playlist(id)
			.map((playlist) -> EntryAudio.answer(playlist, position))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private Playlist current(String token, String zone) {
		known(token);
		return this.playlists.current(this.clock.instant(), zone)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private void known(String token) {
		if (!this.tokens.valid(token)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private Function<Playlist.Entry, String> audio(String token, Playlist playlist) {
		return (entry) -> this.site.url("/radio/{token}/occurrences/{id}/entries/{position}/audio", token,
				playlist.occurrence().id(), entry.position());
	}

}
