package vn.bantin.radio;

import java.security.Principal;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.bantin.account.Role;
import vn.bantin.commune.SiteAddress;
import vn.bantin.system.RuleViolation;

/**
 * The playlists in the admin: a day's radio occurrences (date navigation), one
 * occurrence's playlist with each entry's source and duration, the total against the
 * slot's length with the overflow, and its downloads (M3U8, XSPF, ZIP, script sheet); the
 * audio of an entry, which the operator's console plays; and, for administrators, the
 * secrets of the current-playlist URL ({@link CurrentPlaylistController}). Absolute URLs
 * (in the downloads, the new secret's address) are on the site's configured address
 * ({@link SiteAddress}), not the request's {@code Host}.
 */
@Controller
@RequestMapping("/admin/radio")
class PlaylistAdminController {

	private final Playlists playlists;

	private final PlaylistExports exports;

	private final RadioTokens tokens;

	private final SiteAddress site;

	private final Clock clock;

	PlaylistAdminController(Playlists playlists, PlaylistExports exports, RadioTokens tokens, SiteAddress site,
			Clock clock) {
		this.playlists = playlists;
		this.exports = exports;
		this.tokens = tokens;
		this.site = site;
		this.clock = clock;
	}

	@GetMapping("/playlists")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	String day(@RequestParam(required = false) String date, Model model) {
		ZoneId zone = this.playlists.zone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate day = today;
		if (date != null && !date.isBlank()) {
			try {
				day = LocalDate.parse(date.strip());
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("error", "playlist.error.date");
			}
		}
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1));
		model.addAttribute("playlists", this.playlists.playlistsOn(day).stream().map(DayRow::of).toList());
		model.addAttribute("zone", zone);
		return "admin/radio/playlists";
	}

	@GetMapping("/playlists/{occurrenceId}")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	String playlist(@PathVariable String occurrenceId, Model model) {
		Playlist playlist = find(occurrenceId);
		model.addAllAttributes(this.exports.sheetModel(playlist));
		model.addAttribute("day", playlist.occurrence().start().atZone(this.playlists.zone()).toLocalDate());
		model.addAttribute("zone", this.playlists.zone());
		return "admin/radio/playlist";
	}

	@GetMapping("/playlists/{occurrenceId}/playlist.m3u8")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	ResponseEntity<String> m3u8(@PathVariable String occurrenceId) {
		return PlaylistDownloads.m3u8(this.exports, find(occurrenceId), audio(occurrenceId));
	}

	@GetMapping("/playlists/{occurrenceId}/playlist.xspf")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	ResponseEntity<String> xspf(@PathVariable String occurrenceId) {
		return PlaylistDownloads.xspf(this.exports, find(occurrenceId), audio(occurrenceId));
	}

	@GetMapping("/playlists/{occurrenceId}/playlist.zip")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	void zip(@PathVariable String occurrenceId, Locale locale, HttpServletResponse response) throws IOException {
		PlaylistDownloads.zip(this.exports, find(occurrenceId), locale, response);
	}

	@GetMapping("/playlists/{occurrenceId}/kich-ban.html")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	String sheet(@PathVariable String occurrenceId, Model model) {
		model.addAllAttributes(this.exports.sheetModel(find(occurrenceId)));
		return "radio/kich-ban";
	}

	/** The audio of one entry, for the console's player (HTTP ranges). */
	@GetMapping("/occurrences/{occurrenceId}/entries/{position}/audio")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.EDITOR, Role.Authority.ADMIN })
	ResponseEntity<Resource> audio(@PathVariable String occurrenceId, @PathVariable int position) {
		return this.playlists.playlist(occurrenceId)
			.map((playlist) -> EntryAudio.answer(playlist, position))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/playlists/tokens")
	@Secured(Role.Authority.ADMIN)
	String tokens(Model model) {
		model.addAttribute("tokens", this.tokens.all());
		model.addAttribute("zone", this.playlists.zone());
		return "admin/radio/playlist-tokens";
	}

	@PostMapping("/playlists/tokens")
	@Secured(Role.Authority.ADMIN)
	String create(@RequestParam(required = false) String label, Principal principal, RedirectAttributes redirect) {
		try {
			RadioTokens.Issued issued = this.tokens.create(label, principal.getName());
			redirect.addFlashAttribute("issued", this.site.url("/radio/{secret}/current.m3u8", issued.secret()));
			redirect.addFlashAttribute("notice", "playlist.tokens.created");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", violation.messageKey());
			redirect.addFlashAttribute("label", label);
		}
		return "redirect:/admin/radio/playlists/tokens";
	}

	@PostMapping("/playlists/tokens/{id}/revoke")
	@Secured(Role.Authority.ADMIN)
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.tokens.revoke(id) ? "playlist.tokens.revoked" : "playlist.tokens.unknown");
		return "redirect:/admin/radio/playlists/tokens";
	}

	/**
	 * One occurrence of the day as its list shows it.
	 *
	 * @param playlist its playlist
	 * @param total how long it plays ({@code m:ss})
	 * @param length the slot's length
	 * @param overflow how much it overruns the slot, or null when it fits
	 */
	record DayRow(Playlist playlist, String total, String length, String overflow) {

		static DayRow of(Playlist playlist) {
			return new DayRow(playlist, PlaylistExports.minutes(playlist.total()),
					PlaylistExports.minutes(playlist.occurrence().length()),
					playlist.fits() ? null : PlaylistExports.minutes(playlist.overflow()));
		}

	}

	private Playlist find(String occurrenceId) {
		return this.playlists.playlist(occurrenceId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Function<Playlist.Entry, String> audio(String occurrenceId) {
		return (entry) -> this.site.url("/admin/radio/occurrences/{id}/entries/{position}/audio", occurrenceId,
				entry.position());
	}

}
