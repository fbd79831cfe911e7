package vn.bantin.agenda;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.account.ProvinceRole;
import vn.bantin.account.Role;
import vn.bantin.system.RuleViolation;

/**
 * The agenda over the JSON API ({@code Authorization: Bearer}, the same roles as the
 * admin calendar). Errors are problem details ({@link AgendaApiProblems}).
 */
@RestController
class AgendaApiController {

	static final int DEFAULT_DAYS = 7;

	private final Agenda agenda;

	private final Clock clock;

	AgendaApiController(Agenda agenda, Clock clock) {
		this.agenda = agenda;
		this.clock = clock;
	}

	@GetMapping("/api/agenda")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.OPERATOR, Role.Authority.ADMIN,
			ProvinceRole.Authority.VIEWER })
	@Operation(summary = "What goes out when: planned occurrences from now on, recorded publications before, "
			+ "with conflicts (radio overlaps on a shared zone, air time over the slot); at most 92 days")
	AgendaJson.Range agenda(
			@Parameter(description = "start: a date (2025-03-10, from its first moment in the commune's zone), "
					+ "a local date-time in the commune's zone (2025-03-10T06:00) or one with an offset "
					+ "(2025-03-09T23:00:00Z); default: today") @RequestParam(required = false) String from,
			@Parameter(
					description = "end, exclusive; a date means the end of that day; default: 7 days after from") @RequestParam(
							required = false) String to) {
		ZoneId zone = this.agenda.zone();
		Instant start = (from != null && !from.isBlank()) ? instant(from, zone, false, "from")
				: LocalDate.ofInstant(this.clock.instant(), zone).atStartOfDay(zone).toInstant();
		Instant end = (to != null && !to.isBlank()) ? instant(to, zone, true, "to")
				: start.plus(Duration.ofDays(DEFAULT_DAYS));
		return AgendaJson.of(this.agenda.between(start, end));
	}

	/**
	 * A time the caller wrote: with an offset, local in the commune's zone, or a date
	 * (its start, or for an end the start of the next day: a date end includes its day).
	 */
	static Instant instant(String text, ZoneId zone, boolean end, String field) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
			}
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				return LocalDateTime.parse(value).atZone(zone).toInstant();
			}
		}
		catch (DateTimeException ex) {
			throw new RuleViolation(field, "agenda.error.time-format");
		}
	}

}
