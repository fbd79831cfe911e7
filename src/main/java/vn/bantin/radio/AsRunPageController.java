package vn.bantin.radio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

/**
 * The as-run log page: the occurrences of a range of days with what went out, entry by
 * entry, and the missed ones, optionally for one zone; and the same as a CSV file (UTF-8
 * with a byte-order mark, so that a spreadsheet opens the Vietnamese right).
 */
@Controller
class AsRunPageController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AsRunLog log;

	private final ZoneId zone;

	private final Clock clock;

	private final MessageSource messages;

	AsRunPageController(AsRunLog log, BantinProperties properties, Clock clock, MessageSource messages) {
		this.log = log;
		this.zone = properties.zone();
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/admin/radio/as-run")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.ADMIN })
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		AsRunRange range;
		try {
			range = AsRunRange.parse(from, to, this.zone, today);
			List<AsRunLog.Logged> all = this.log.between(range.from(), range.to());
			model.addAttribute("logged", filtered(all, zone));
			model.addAttribute("zones", zones(all));
		}
		catch (RuleViolation violation) {
			model.addAttribute("error", violation.messageKey());
			model.addAttribute("errorField", violation.field());
			range = AsRunRange.parse(null, null, this.zone, today);
			model.addAttribute("logged", List.of());
			model.addAttribute("zones", Map.of());
		}
		model.addAttribute("from", LocalDate.ofInstant(range.from(), this.zone));
		model.addAttribute("to", LocalDate.ofInstant(range.to().minusNanos(1), this.zone));
		model.addAttribute("zone", this.zone);
		model.addAttribute("chosenZone", zone);
		return "admin/radio/as-run";
	}

	@GetMapping("/admin/radio/as-run.csv")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.ADMIN })
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, Locale locale) {
		AsRunRange range;
		try {
			range = AsRunRange.parse(from, to, this.zone, LocalDate.now(this.clock.withZone(this.zone)));
		}
		catch (RuleViolation violation) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body((violation.field() + ": " + this.messages.getMessage(violation.messageKey(), null, locale))
					.getBytes(StandardCharsets.UTF_8));
		}
		StringBuilder csv = new StringBuilder("\uFEFF");
		row(csv, List.of("occurrence", "slot", "zone", "occurrence_start", "position", "item_id", "title", "source",
				"start", "end", "seconds", "outcome", "reason", "by", "origin"));
		for (AsRunLog.Logged logged : filtered(this.log.between(range.from(), range.to()), zone)) {
			Playlist.Occurrence o = logged.occurrence();
			for (AsRunEntry e : logged.entries()) {
				row(csv, List.of(o.id(), o.slot(), e.target(), time(o.start().atZone(this.zone)),
						Integer.toString(e.position()), nz(e.itemId()), e.title(), e.source().key(),
						time(e.start().atZone(this.zone)), time(e.end().atZone(this.zone)),
						String.format(Locale.ROOT, "%.1f", e.duration().toMillis() / 1000.0), e.outcome().key(),
						nz(e.reason()), e.by(), e.origin().key()));
			}
			if (logged.missed()) {
				row(csv, List.of(o.id(), o.slot(), o.target(), time(o.start().atZone(this.zone)), "", "", "", "", "",
						"", "", "missed", "", "", ""));
			}
		}
		String name = "as-run-" + LocalDate.ofInstant(range.from(), this.zone) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static List<AsRunLog.Logged> filtered(List<AsRunLog.Logged> logged, String zone) {
		if (zone == null || zone.isBlank()) {
			return logged;
		}
		return logged.stream().filter((l) -> l.occurrence().target().equals(zone.strip())).toList();
	}

	private static Map<String, String> zones(List<AsRunLog.Logged> logged) {
		Map<String, String> zones = new LinkedHashMap<>();
		logged.forEach((l) -> zones.putIfAbsent(l.occurrence().target(), l.occurrence().targetName()));
		return zones;
	}

	private static String time(java.time.ZonedDateTime at) {
		return TIME.format(at);
	}

	private static String nz(String text) {
		return (text != null) ? text : "";
	}

	private static void row(StringBuilder csv, List<String> cells) {
		List<String> quoted = new ArrayList<>();
		for (String cell : cells) {
			String value = (cell != null) ? cell : "";
			// a cell a spreadsheet would run as a formula is kept as text
			if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
				value = "'" + value;
			}
			if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
				value = "\"" + value.replace("\"", "\"\"") + "\"";
			}
			quoted.add(value);
		}
		csv.append(String.join(",", quoted)).append("\r\n");
	}

}
