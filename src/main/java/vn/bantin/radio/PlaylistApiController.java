package vn.bantin.radio;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.account.Role;
import vn.bantin.commune.SiteAddress;
import vn.bantin.system.RuleViolation;

/**
 * The radio's occurrences and playlists over the JSON API ({@code Authorization: Bearer},
 * every staff role may read: editors and approvers see what their items become, operators
 * and external players play it). The playlist comes as JSON, M3U8, XSPF or a ZIP for an
 * offline PC; the audio URLs it gives are this API's, so a client with the token can
 * fetch them. Absolute URLs are on the site's configured address ({@link SiteAddress}),
 * never on the request's {@code Host}. Errors are problem details
 * ({@link PlaylistApiProblems}).
 */
@RestController
class PlaylistApiController {

	static final String BASE = "/api/radio/occurrences";

	private final Playlists playlists;

	private final PlaylistExports exports;

	private final SiteAddress site;

	private final Clock clock;

	PlaylistApiController(Playlists playlists, PlaylistExports exports, SiteAddress site, Clock clock) {
		this.playlists = playlists;
		this.exports = exports;
		this.site = site;
		this.clock = clock;
	}

	@GetMapping(BASE)
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "The radio occurrences of a day (each slot occurrence per zone, emergency broadcasts "
			+ "included), recorded ones as recorded and later ones as planned")
	PlaylistJson.Day occurrences(
			@Parameter(description = "the day in the commune's zone, YYYY-MM-DD; default: today") @RequestParam(
					required = false) String date) {
		LocalDate day = day(date);
		return new PlaylistJson.Day(day.toString(), this.playlists.zone().getId(),
				this.playlists.on(day)
					.stream()
					.map((occurrence) -> PlaylistJson.of(occurrence, this.playlists.zone(), url(occurrence.id())))
					.toList());
	}

	@GetMapping(BASE + "/{id}/playlist")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "An occurrence's playlist: intro jingle, items by priority and campaign order, outro; "
			+ "each entry recorded, synthetic or a script read live, with durations and the overflow of the slot")
	PlaylistJson.Body playlist(@PathVariable String id) {
		Playlist playlist = find(id);
		return PlaylistJson.of(playlist, this.playlists.zone(), url(id), audio(id));
	}

	@GetMapping(BASE + "/{id}/playlist.m3u8")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "An occurrence's playlist as M3U8 (UTF-8, #EXTINF in whole seconds; "
			+ "entries read live as #BANTIN-SCRIPT comment lines)")
	ResponseEntity<String> m3u8(@PathVariable String id) {
		Playlist playlist = find(id);
		return PlaylistDownloads.m3u8(this.exports, playlist, audio(id));
	}

	@GetMapping(BASE + "/{id}/playlist.xspf")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "An occurrence's playlist as XSPF (durations in milliseconds, item metadata)")
	ResponseEntity<String> xspf(@PathVariable String id) {
		Playlist playlist = find(id);
		return PlaylistDownloads.xspf(this.exports, playlist, audio(id));
	}

	@GetMapping(BASE + "/{id}/playlist.zip")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "An occurrence's playlist as a ZIP for an offline PC: the audio files, M3U8 and XSPF "
			+ "pointing at them by relative names, and the printable script sheet kich-ban.html")
	void zip(@PathVariable String id, Locale locale, HttpServletResponse response) throws IOException {
		Playlist playlist = find(id);
		PlaylistDownloads.zip(this.exports, playlist, locale, response);
	}

	@GetMapping(BASE + "/{id}/entries/{position}/audio")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "The audio of one entry (HTTP ranges supported); 404 for an entry read live")
	ResponseEntity<Resource> audio(@PathVariable String id, @PathVariable int position) {
		return EntryAudio.answer(find(id), position);
	}

	private Playlist find(String id) {
		return this.playlists.playlist(id).orElseThrow(() -> new UnknownOccurrence(id));
	}

	private LocalDate day(String date) {
		if (date == null || date.isBlank()) {
			return LocalDate.ofInstant(this.clock.instant(), this.playlists.zone());
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation("date", "playlist.error.date");
		}
	}

	private String url(String id) {
		return this.site.url(BASE + "/{id}/playlist", id);
	}

	private java.util.function.Function<Playlist.Entry, String> audio(String id) {
		return (entry) -> this.site.url(BASE + "/{id}/entries/{position}/audio", id, entry.position());
	}

}
