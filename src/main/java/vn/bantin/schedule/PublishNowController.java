package vn.bantin.schedule;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

import vn.bantin.account.Role;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.publishing.Publications;

/**
 * The "publish now" button of the admin item page: puts an approved or published item out
 * at once on each of its channels and targets that does not carry it yet
 * ({@link Broadcast#publishNow}) and tells what was added and what was already done.
 */
@Controller
class PublishNowController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final Broadcast broadcast;

	private final CommuneTriggers triggers;

	private final CommuneTenancy tenancy;

	PublishNowController(Broadcast broadcast, CommuneTriggers triggers, CommuneTenancy tenancy) {
		this.broadcast = broadcast;
		this.triggers = triggers;
		this.tenancy = tenancy;
	}

	@PostMapping("/admin/items/{id}/publish-now")
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	String publishNow(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
		try {
			Broadcast.PublishedNow done = this.broadcast.publishNow(this.tenancy.key(id), principal.getName());
			redirect.addFlashAttribute("notice",
					done.added().isEmpty() ? "engine.publish-now.nothing-new" : "engine.publish-now.done");
			redirect.addFlashAttribute("publishedNow", done.added().stream().map(this::line).toList());
			redirect.addFlashAttribute("alreadyPublished", done.alreadyDone().stream().map(this::line).toList());
		}
		catch (PublishNowRefused refused) {
			redirect.addFlashAttribute("publishNowError", refused.messageKey());
		}
		return "redirect:/admin/items/" + id;
	}

	/** The zone of the commune in scope (the request's). */
	private ZoneId zone() {
		return this.triggers.zone();
	}

	/** One recorded publication as a line: channel, target, time, status. */
	private String line(Publications.PublicationView publication) {
		return publication.channel().key() + " → " + publication.target() + " · "
				+ TIME.format(publication.occurrence().atZone(zone())) + " · "
				+ publication.status().name().toLowerCase(java.util.Locale.ROOT);
	}

}
