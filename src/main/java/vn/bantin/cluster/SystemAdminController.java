package vn.bantin.cluster;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTenancy;

/**
 * {@code /admin/system}: the nodes sharing the database, each with its version, its last
 * heartbeat and its part in the scheduler, and whether it is gone.
 *
 * <p>
 * The province's staff see it; a commune's administrator only when the installation is
 * that one commune (a laptop, where they are also the one who runs it): in a province of
 * many, the machines are the IT centre's business, not one commune's.
 */
@Controller
// the authorities by name: the account module (their home) sits above this one, which
// every module may use
@Secured({ SystemAdminController.PROVINCE_ADMIN, SystemAdminController.PROVINCE_VIEWER, "ROLE_ADMIN" })
class SystemAdminController {

	static final String PROVINCE_ADMIN = "ROLE_PROVINCE_ADMIN";

	static final String PROVINCE_VIEWER = "ROLE_PROVINCE_VIEWER";

	private final Nodes nodes;

	private final SchedulerNode scheduler;

	private final CommuneTenancy tenancy;

	private final BantinProperties properties;

	SystemAdminController(Nodes nodes, SchedulerNode scheduler, CommuneTenancy tenancy, BantinProperties properties) {
		this.nodes = nodes;
		this.scheduler = scheduler;
		this.tenancy = tenancy;
		this.properties = properties;
	}

	@GetMapping("/admin/system")
	String system(Authentication authentication, Model model) {
		boolean provinceStaff = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals(PROVINCE_ADMIN)
					|| authority.getAuthority().equals(PROVINCE_VIEWER));
		if (!provinceStaff && this.tenancy.many()) {
			throw new AccessDeniedException("The nodes are the province's, not a commune's");
		}
		model.addAttribute("self", this.nodes.self());
		model.addAttribute("members", this.scheduler.withRoles(this.nodes.members()));
		model.addAttribute("timeout", this.nodes.nodeTimeout().toSeconds());
		model.addAttribute("databaseNow", this.nodes.databaseNow());
		model.addAttribute("zone", this.properties.zone());
		return "admin/system";
	}

}
