package vn.bantin.mailing;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.bantin.account.ResidentAddresses;
import vn.bantin.account.Role;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

/**
 * Sends over the JSON API ({@code Authorization: Bearer}, the same roles as the sends
 * page): send an approved item to a list now, follow a send's progress and its
 * recipients, send the failed ones again. Errors are problem details
 * ({@link SendsApiProblems}).
 */
@RestController
class SendsApiController {

	static final int MAX_PAGE_SIZE = 500;

	private final Mailings mailings;

	private final ZoneId zone;

	SendsApiController(Mailings mailings, BantinProperties properties) {
		this.mailings = mailings;
		this.zone = properties.zone();
	}

	@PostMapping("/api/lists/{list}/sends")
	@ResponseStatus(HttpStatus.CREATED)
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Send an approved item to a list now: 404 for an unknown list or item, 422 when the item "
			+ "is not approved, 409 when the item already has a send to that list (unless again is true)")
	SendJson send(@PathVariable String list, @RequestBody SendRequest request, Principal principal) {
		if (request == null || request.itemId() == null || request.itemId().isBlank()) {
			throw new RuleViolation("itemId", "sends.error.item-required");
		}
		long id = this.mailings.sendNow(list, request.itemId().strip(), Boolean.TRUE.equals(request.again()),
				principal.getName());
		return json(this.mailings.mailing(id).orElseThrow());
	}

	@GetMapping("/api/sends/{id}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "A send: its list, items, status (running, paused, completed), how many recipients are in "
			+ "each delivery status, and the total")
	SendJson show(@PathVariable long id) {
		return json(found(id));
	}

	@GetMapping("/api/sends/{id}/deliveries")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "A send's recipients with their delivery status and the server's last answer, paged; "
			+ "addresses and names only for editors and administrators (others get masked addresses, no names)")
	DeliveriesJson deliveries(@PathVariable long id, Authentication user,
			@Parameter(
					description = "pending, claimed, sending, sent, retry, failed, uncertain, skipped") @RequestParam(
							required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RuleViolation("size", "sends.error.page-size");
		}
		DeliveryStatus filter = DeliveryStatus.of(status);
		if (status != null && !status.isBlank() && filter == null) {
			throw new RuleViolation("status", "sends.error.status-unknown");
		}
		found(id);
		boolean addresses = ResidentAddresses.visibleTo(user);
		Page<Mailings.DeliveryView> deliveries = this.mailings.deliveries(id, filter, page, size)
			.map((d) -> DeliveryPrivacy.shown(d, addresses));
		return new DeliveriesJson(
				deliveries.getContent()
					.stream()
					.map((d) -> new DeliveryJson(d.id(), d.subscriberId(), d.address(), d.name(), d.status().key(),
							d.attempts(), time(d.nextAttemptAt()), d.lastAnswer(), time(d.sentAt()), d.messageId()))
					.toList(),
				deliveries.getNumber(), deliveries.getSize(), deliveries.getTotalElements(),
				deliveries.getTotalPages());
	}

	@PostMapping("/api/sends/{id}/retry-failed")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Send the failed deliveries of a send again (attempts reset); answers the send and how "
			+ "many will be sent again")
	RetryJson retryFailed(@PathVariable long id) {
		found(id);
		int retried = this.mailings.retryFailed(id);
		return new RetryJson(retried, json(found(id)));
	}

	private Mailings.MailingView found(long id) {
		return this.mailings.mailing(id)
			.orElseThrow(() -> new SendRefused(SendRefused.Reason.UNKNOWN_SEND, "No send " + id));
	}

	private SendJson json(Mailings.MailingView mailing) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status.key(), mailing.count(status));
		}
		return new SendJson(mailing.id(), mailing.listKey(), mailing.kind().name().toLowerCase(java.util.Locale.ROOT),
				mailing.subject(), mailing.itemIds(), mailing.status().name().toLowerCase(java.util.Locale.ROOT),
				time(mailing.createdAt()), mailing.createdBy(), time(mailing.completedAt()), mailing.total(), counts);
	}

	private String time(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(this.zone)) : null;
	}

	/**
	 * What to send.
	 *
	 * @param itemId the approved item
	 * @param again send it even though it already went to this list
	 */
	record SendRequest(String itemId, Boolean again) {
	}

	/**
	 * A send. Times are ISO-8601 with the commune's offset.
	 *
	 * @param id its id
	 * @param list the list's key
	 * @param kind on_publish, digest or manual
	 * @param subject its subject
	 * @param items its items' ids, in order
	 * @param status running, paused or completed
	 * @param created when it was made
	 * @param createdBy who asked for it (null for the scheduler)
	 * @param completed when it was completed
	 * @param total how many recipients
	 * @param counts how many recipients in each delivery status
	 */
	record SendJson(long id, String list, String kind, String subject, List<String> items, String status,
			String created, String createdBy, String completed, long total, Map<String, Long> counts) {
	}

	/**
	 * One page of a send's deliveries.
	 *
	 * @param deliveries the deliveries
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param totalElements how many match
	 * @param totalPages how many pages
	 */
	record DeliveriesJson(List<DeliveryJson> deliveries, int page, int size, long totalElements, int totalPages) {
	}

	/**
	 * One recipient's delivery.
	 *
	 * @param id its id
	 * @param subscriber the subscriber's id
	 * @param address the address (masked, e.g. {@code h•••@example.vn}, for roles that do
	 * not see residents' addresses)
	 * @param name the name (null for roles that do not see residents' addresses)
	 * @param status pending, claimed, sending, sent, retry, failed, uncertain, skipped
	 * @param attempts how many times it was handed to the server
	 * @param nextAttempt when it is tried again
	 * @param lastAnswer the server's last answer
	 * @param sent when the server accepted it
	 * @param messageId its Message-ID
	 */
	record DeliveryJson(long id, long subscriber, String address, String name, String status, int attempts,
			String nextAttempt, String lastAnswer, String sent, String messageId) {
	}

	/**
	 * The answer to "retry failed".
	 *
	 * @param retried how many deliveries will be sent again
	 * @param send the send as it stands
	 */
	record RetryJson(int retried, SendJson send) {
	}

}
