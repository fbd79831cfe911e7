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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
import vn.bantin.system.ApiLanguage;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.RuleViolation;

/**
 * Sends over the JSON API ({@code Authorization: Bearer}, the same roles as the sends
 * page): send an approved item to a list now (approvers and administrators only, as on
 * the page), follow a send's progress and its recipients, send the failed ones again,
 * resume or cancel a held send. Errors are problem details ({@link SendsApiProblems}).
 */
@RestController
class SendsApiController {

	static final int MAX_PAGE_SIZE = 500;

	private final Mailings mailings;

	private final ZoneId zone;

	private final MessageSource messages;

	SendsApiController(Mailings mailings, BantinProperties properties, MessageSource messages) {
		this.mailings = mailings;
		this.zone = properties.zone();
		this.messages = messages;
	}

	@PostMapping("/api/lists/{list}/sends")
	@ResponseStatus(HttpStatus.CREATED)
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Send an approved item to a list now (an approver's act)",
			description = "The item must be approved or published, released (its publish-at reached), not expired"
					+ " and going out by email. Sending it to a list that already had it needs again: true and a"
					+ " reason, which is stored with the send, shown with it and logged.",
			responses = { @ApiResponse(responseCode = "201", description = "The send made"),
					@ApiResponse(responseCode = "400",
							description = "itemId missing, or again without a reason (field names the JSON field)",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "403", description = "Not an approver or administrator"),
					@ApiResponse(responseCode = "404", description = "No such list or item",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "409",
							description = "The item may not be sent: reason not-approved, not-released (its publish-at is"
									+ " ahead), expired, not-on-email, or already-sent (to that list, unless again)",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(implementation = ProblemDetail.class))) })
	SendJson send(@PathVariable String list, @RequestBody(required = false) SendRequest request, Principal principal,
			HttpServletRequest http) {
		if (request == null || request.itemId() == null || request.itemId().isBlank()) {
			throw new RuleViolation("itemId", "sends.error.item-required");
		}
		long id = this.mailings.sendNow(list, request.itemId().strip(), Boolean.TRUE.equals(request.again()),
				request.reason(), null, principal.getName());
		return json(this.mailings.mailing(id).orElseThrow(), http);
	}

	@GetMapping("/api/sends/{id}")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "A send: its list, items, status (running, paused, completed, cancelled), how many "
			+ "recipients are in each delivery status, the total, the reason it was sent again, and why it is held")
	SendJson show(@PathVariable long id, HttpServletRequest http) {
		return json(found(id), http);
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
	RetryJson retryFailed(@PathVariable long id, HttpServletRequest http) {
		found(id);
		int retried = this.mailings.retryFailed(id);
		return new RetryJson(retried, json(found(id), http));
	}

	@PostMapping("/api/sends/{id}/resume")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Resume a paused or held send: 409 (reason items-not-approved) while an item it carries "
			+ "is not approved or not on email; the send then carries the items' approvals as they stand")
	SendJson resume(@PathVariable long id, Principal principal, HttpServletRequest http) {
		found(id);
		this.mailings.resume(id, principal.getName());
		return json(found(id), http);
	}

	@PostMapping("/api/sends/{id}/cancel")
	@Secured({ Role.Authority.EDITOR, Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Cancel a running, paused or held send: the recipients not sent to yet are skipped; "
			+ "409 (reason not-cancellable) when it is completed or cancelled")
	SendJson cancel(@PathVariable long id, Principal principal, HttpServletRequest http) {
		found(id);
		this.mailings.cancel(id, principal.getName());
		return json(found(id), http);
	}

	private Mailings.MailingView found(long id) {
		return this.mailings.mailing(id)
			.orElseThrow(() -> new SendRefused(SendRefused.Reason.UNKNOWN_SEND, "No send " + id));
	}

	private SendJson json(Mailings.MailingView mailing, HttpServletRequest http) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status.key(), mailing.count(status));
		}
		HoldJson hold = null;
		if (mailing.held()) {
			hold = new HoldJson(mailing.hold().reason(), mailing.hold().itemIds(), time(mailing.hold().at()),
					this.messages.getMessage("sends.held." + mailing.hold().reason(),
							new Object[] { String.join(", ", mailing.hold().itemIds()) }, mailing.hold().reason(),
							ApiLanguage.of(http)));
		}
		return new SendJson(mailing.id(), mailing.listKey(), mailing.kind().name().toLowerCase(java.util.Locale.ROOT),
				mailing.subject(), mailing.itemIds(), mailing.status().name().toLowerCase(java.util.Locale.ROOT),
				time(mailing.createdAt()), mailing.createdBy(), time(mailing.completedAt()), mailing.total(), counts,
				mailing.againReason(), hold);
	}

	private String time(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(this.zone)) : null;
	}

	/**
	 * What to send.
	 *
	 * @param itemId the approved item
	 * @param again send it even though it already went to this list
	 * @param reason why it is sent again: required with {@code again} (at most 1,000
	 * characters), stored with the send and logged
	 */
	record SendRequest(String itemId, Boolean again, String reason) {
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
	 * @param againReason why a person sent its item to a list that already had it, or
	 * null
	 * @param held why the workers hold it (it is paused until a person resumes or cancels
	 * it), or null
	 */
	record SendJson(long id, String list, String kind, String subject, List<String> items, String status,
			String created, String createdBy, String completed, long total, Map<String, Long> counts,
			String againReason, HoldJson held) {
	}

	/**
	 * Why a send is held.
	 *
	 * @param reason {@code item-not-approved}: an item it carries is no longer approved
	 * as it was when the send was made (it was edited); resume it once the item is
	 * approved again, or cancel it
	 * @param items the items concerned
	 * @param since when it was held
	 * @param message the reason in the caller's language
	 */
	record HoldJson(String reason, List<String> items, String since, String message) {
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
