package vn.bantin.radio;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

/**
 * The as-run log over the JSON API ({@code Authorization: Bearer}): an external player
 * reports what it played, one event or an array; anyone with the operator's or
 * administrator's role reads the log of a range with its missed occurrences, per zone.
 * Refused input is a 400 problem naming its {@code field} ({@link AsRunProblems}).
 */
@RestController
class AsRunApiController {

	private final AsRunLog log;

	private final AsRunJson json;

	private final ZoneId zone;

	private final Clock clock;

	AsRunApiController(AsRunLog log, BantinProperties properties, Clock clock) {
		this.log = log;
		this.zone = properties.zone();
		this.json = new AsRunJson(this.zone);
		this.clock = clock;
	}

	@PostMapping("/api/radio/as-run")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "Report what a player played: one event or an array of events (eventId, occurrenceId, "
			+ "position, start, end, outcome played/interrupted/skipped, reason for skipped; itemId, title and source "
			+ "are taken from the playlist when left out; origin api or player). Idempotent by eventId: 201 when "
			+ "something new was recorded, 200 when every event was already; 400 naming the field (with the index "
			+ "in an array, e.g. [2].end); a refused array records nothing")
	ResponseEntity<Object> record(@RequestBody(required = false) Object body, Principal principal) {
		boolean many = body instanceof List<?>;
		List<AsRunEvent> events = new ArrayList<>();
		if (many) {
			List<?> list = (List<?>) body;
			for (int i = 0; i < list.size(); i++) {
				events.add(event(list.get(i), (list.size() > 1) ? "[" + i + "]." : ""));
			}
		}
		else {
			events.add(event(body, ""));
		}
		List<AsRunLog.Recorded> recorded = this.log.record(events, principal.getName(), null);
		HttpStatus status = recorded.stream().anyMatch(AsRunLog.Recorded::created) ? HttpStatus.CREATED : HttpStatus.OK;
		List<AsRunJson.Entry> entries = recorded.stream().map((r) -> this.json.entry(r.entry())).toList();
		return ResponseEntity.status(status).body(many ? entries : entries.get(0));
	}

	@GetMapping("/api/radio/as-run")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.ADMIN })
	@Operation(summary = "The as-run log of the occurrences starting in a range, with the missed occurrences, "
			+ "whole and per zone; 400 naming from or to for a bad range (at most 92 days)")
	AsRunJson.Log log(
			@Parameter(description = "ISO date (the whole day in the commune's zone), date-time in the commune's zone, "
					+ "or instant with offset; default today") @RequestParam(required = false) String from,
			@Parameter(
					description = "ISO date (included), date-time or instant; default the day of from") @RequestParam(
							required = false) String to) {
		AsRunRange range = AsRunRange.parse(from, to, this.zone, LocalDate.now(this.clock.withZone(this.zone)));
		return this.json.log(range, this.log.between(range.from(), range.to()));
	}

	private static AsRunEvent event(Object value, String prefix) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new RuleViolation(prefix + "eventId", "asrun.error.event-id");
		}
		Object position = map.get("position");
		Integer at = null;
		if (position instanceof Number number) {
			at = number.intValue();
		}
		else if (position instanceof String text && text.strip().matches("\\d{1,5}")) {
			at = Integer.valueOf(text.strip());
		}
		else if (position != null) {
			throw new RuleViolation(prefix + "position", "asrun.error.position");
		}
		return new AsRunEvent(text(map, "eventId"), text(map, "occurrenceId"), at, text(map, "itemId"),
				text(map, "title"), text(map, "source"), text(map, "start"), text(map, "end"), text(map, "outcome"),
				text(map, "reason"), text(map, "origin"));
	}

	private static String text(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value != null) ? String.valueOf(value) : null;
	}

}
