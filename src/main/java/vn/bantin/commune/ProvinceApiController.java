package vn.bantin.commune;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.bantin.account.ProvinceRole;
import vn.bantin.account.ProvinceStaff;
import vn.bantin.account.Role;
import vn.bantin.system.RuleViolation;

/**
 * The province's API, on the province host, so that an IT centre provisions its communes
 * by script: list, create and change communes, and give a commune its staff. For
 * {@code PROVINCE_ADMIN} only (HTTP Basic, see the account module's security).
 */
@RestController
@RequestMapping("/api/province/communes")
@Secured("ROLE_PROVINCE_ADMIN")
class ProvinceApiController {

	private final Communes communes;

	private final ProvinceStaff staff;

	ProvinceApiController(Communes communes, ProvinceStaff staff) {
		this.communes = communes;
		this.staff = staff;
	}

	@GetMapping
	Map<String, List<CommuneJson>> list() {
		return Map.of("communes", this.communes.all().stream().map(CommuneJson::of).toList());
	}

	@PostMapping
	ResponseEntity<CommuneJson> create(@RequestBody CommuneRequest request) {
		Communes.CommuneSummary created = this.communes.create(request.key(), request.name(), request.hosts(),
				zone(request.zone()));
		return ResponseEntity.status(HttpStatus.CREATED).body(CommuneJson.of(created));
	}

	@PutMapping("/{key}")
	CommuneJson update(@PathVariable String key, @RequestBody CommuneRequest request) {
		if (this.communes.summary(key).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return CommuneJson.of(this.communes.update(key, request.name(), request.hosts(), zone(request.zone())));
	}

	@PostMapping("/{key}/users")
	ResponseEntity<Map<String, Object>> user(@PathVariable String key, @RequestBody UserRequest request) {
		var scope = this.communes.scope(key)
			.filter((found) -> this.communes.active(found.id()).isPresent())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Set<Role> roles = EnumSet.noneOf(Role.class);
		ProvinceRole provinceRole = null;
		for (String role : (request.roles() != null) ? request.roles() : List.<String>of()) {
			if (ProvinceRole.PROVINCE_VIEWER.name().equals(role)) {
				// a province viewer is provisioned like a commune's staff (never a
				// province
				// administrator: that stays a decision made on the province's own pages)
				provinceRole = ProvinceRole.PROVINCE_VIEWER;
				continue;
			}
			try {
				roles.add(Role.valueOf(role));
			}
			catch (IllegalArgumentException ex) {
				throw new RuleViolation("roles", "commune.error.required");
			}
		}
		boolean created = this.staff.grant(scope, request.username(), request.password(), roles);
		if (provinceRole != null) {
			this.staff.assignProvinceRole(request.username(), provinceRole);
		}
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("username", request.username(), "commune", key, "roles",
					roles.stream().map(Role::name).toList()));
	}

	@ExceptionHandler(Communes.Taken.class)
	ResponseEntity<Map<String, String>> taken(Communes.Taken taken) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("field", taken.field(), "error", taken.field() + " is taken"));
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<Map<String, String>> invalid(RuleViolation violation) {
		return ResponseEntity.badRequest()
			.body(Map.of("field", violation.field(), "error", violation.field() + " is not valid"));
	}

	private static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (RuntimeException ex) {
			throw new RuleViolation("zone", "commune.error.required");
		}
	}

	record CommuneRequest(String key, String name, List<String> hosts, String zone) {
	}

	record UserRequest(String username, String password, List<String> roles) {
	}

	record CommuneJson(String key, String name, List<String> hosts) {

		static CommuneJson of(Communes.CommuneSummary summary) {
			return new CommuneJson(summary.key(), summary.name(), summary.hosts());
		}

	}

}
