package vn.bantin.radio;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;

/**
 * Where the console in the browser reports each entry as it plays ({@code POST}, JSON,
 * with the session's CSRF token in a header), by the signed-in operator. The console
 * keeps its reports in the page until they are answered and sends them again with the
 * same event id, so the log gets each once.
 */
@RestController
class ConsoleEventsController {

	private final AsRunLog log;

	private final AsRunJson json;

	ConsoleEventsController(AsRunLog log, BantinProperties properties) {
		this.log = log;
		this.json = new AsRunJson(properties.zone());
	}

	@PostMapping("/admin/radio/as-run")
	@Secured({ Role.Authority.OPERATOR, Role.Authority.ADMIN })
	ResponseEntity<AsRunJson.Entry> record(@RequestBody(required = false) AsRunEvent event, Principal principal) {
		AsRunLog.Recorded recorded = this.log.record(event, principal.getName(), AsRunOrigin.CONSOLE);
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(this.json.entry(recorded.entry()));
	}

}
