package vn.bantin.agenda;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.bantin.account.ProvinceRole;
import vn.bantin.account.Role;
import vn.bantin.content.Channel;
import vn.bantin.system.RuleViolation;

/**
 * The admin calendar: a day or a week of the agenda in the commune's time, one colour
 * (and label) per channel, conflicts and overflow marked; and the calendar feeds an
 * officer subscribes to from a phone. Works without JavaScript.
 */
@Controller
@RequestMapping("/admin/agenda")
class AgendaAdminController {

	private final Agenda agenda;

	private final CalendarTokens tokens;

	private final Clock clock;

	AgendaAdminController(Agenda agenda, CalendarTokens tokens, Clock clock) {
		this.agenda = agenda;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN,
			ProvinceRole.Authority.VIEWER })
	String calendar(@RequestParam(defaultValue = "day") String view,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		ZoneId zone = this.agenda.zone();
		boolean week = "week".equals(view);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate day = (date != null) ? date : today;
		LocalDate first = week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
		int days = week ? 7 : 1;
		AgendaRange range = this.agenda.between(first.atStartOfDay(zone).toInstant(),
				first.plusDays(days).atStartOfDay(zone).toInstant());
		List<Day> shown = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate current = first.plusDays(i);
			shown.add(new Day(current, current.equals(today),
					range.entries()
						.stream()
						.filter((entry) -> entry.start().atZone(zone).toLocalDate().equals(current))
						.toList()));
		}
		model.addAttribute("view", week ? "week" : "day");
		model.addAttribute("date", day);
		model.addAttribute("first", first);
		model.addAttribute("last", first.plusDays(days - 1L));
		model.addAttribute("previous", day.minusDays(days));
		model.addAttribute("next", day.plusDays(days));
		model.addAttribute("today", today);
		model.addAttribute("days", shown);
		model.addAttribute("zone", zone);
		model.addAttribute("conflicts", range.conflicts());
		model.addAttribute("channels", Channel.values());
		return "admin/agenda/calendar";
	}

	@GetMapping("/calendars")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String calendars(Authentication authentication, Model model) {
		model.addAttribute("tokens",
				this.tokens.visibleTo(authentication.getName(), Role.heldBy(authentication).contains(Role.ADMIN)));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("zone", this.agenda.zone());
		return "admin/agenda/calendars";
	}

	@PostMapping("/calendars")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String create(@RequestParam(required = false) Channel channel, @RequestParam(required = false) String label,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			var issued = this.tokens.create(channel, label, authentication.getName());
			String https = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/calendar/{token}.ics")
				.buildAndExpand(issued.secret())
				.toUriString();
			// shown once, after the redirect: the secret is not stored
			redirect.addFlashAttribute("feedUrl", https);
			redirect.addFlashAttribute("webcalUrl", https.replaceFirst("^https?:", "webcal:"));
			redirect.addFlashAttribute("notice", "agenda.calendars.created");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", violation.messageKey());
		}
		return "redirect:/admin/agenda/calendars";
	}

	@PostMapping("/calendars/{id}/revoke")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String revoke(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		// someone else's token is "not found", as if it did not exist
		boolean revoked = this.tokens.revoke(id, authentication.getName(),
				Role.heldBy(authentication).contains(Role.ADMIN));
		redirect.addFlashAttribute("notice", revoked ? "agenda.calendars.revoked" : "agenda.calendars.unknown");
		return "redirect:/admin/agenda/calendars";
	}

	/**
	 * One day of the calendar.
	 *
	 * @param date the local date
	 * @param today whether it is today
	 * @param entries its occurrences, in time order
	 */
	record Day(LocalDate date, boolean today, List<AgendaEntry> entries) {
	}

}
