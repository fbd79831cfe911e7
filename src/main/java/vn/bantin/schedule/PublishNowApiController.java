package vn.bantin.schedule;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.bantin.account.Role;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.publishing.Publications;
import vn.bantin.system.ApiLanguage;

/**
 * {@code POST /api/items/{id}/publish-now}: the "publish now" button for integrators,
 * with a personal API token ({@code Authorization: Bearer}). Answers 202 with one entry
 * per channel and target: the publications recorded ({@code "outcome": "added"}; those
 * the channels took are already published, the others go out when their channel or their
 * time comes) and, for each channel and target that already carried the item, the
 * publication that does ({@code "outcome": "already-done"}: nothing is put out twice);
 * 404 for an unknown item, 409 for an item that is not approved or has expired.
 */
@RestController
class PublishNowApiController {

	/** The outcome of a publication this call recorded. */
	static final String ADDED = "added";

	/** The outcome of a channel and target that already carried the item. */
	static final String ALREADY_DONE = "already-done";

	private final Broadcast broadcast;

	private final CommuneTenancy tenancy;

	PublishNowApiController(Broadcast broadcast, CommuneTenancy tenancy) {
		this.tenancy = tenancy;
		this.broadcast = broadcast;
	}

	@PostMapping("/api/items/{id}/publish-now")
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Put an approved or published item out now on all its channels",
			description = "Records one publication per channel and target that does not carry the item yet, at this"
					+ " moment (an emergency item's radio publications repeat as configured), and hands the due ones"
					+ " to their channels. A channel and target that already carries the item (released on approval,"
					+ " published now before, on another node at the same moment) gets nothing new: its entry has"
					+ " outcome already-done.",
			responses = {
					@ApiResponse(responseCode = "202",
							description = "One entry per channel and target: added, or already-done",
							content = @Content(
									array = @ArraySchema(schema = @Schema(implementation = PublicationJson.class)))),
					@ApiResponse(responseCode = "404", description = "No such item",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "409",
							description = "The item is not approved or published, or has expired",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(implementation = ProblemDetail.class))) })
	ResponseEntity<List<PublicationJson>> publishNow(@PathVariable String id, Principal principal) {
		Broadcast.PublishedNow done = this.broadcast.publishNow(this.tenancy.key(id), principal.getName());
		List<PublicationJson> answer = new ArrayList<>();
		done.added().stream().map((publication) -> PublicationJson.of(publication, ADDED)).forEach(answer::add);
		done.alreadyDone()
			.stream()
			.map((publication) -> PublicationJson.of(publication, ALREADY_DONE))
			.forEach(answer::add);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
	}

	/**
	 * A publication in the API.
	 *
	 * @param id its id
	 * @param item the item's id
	 * @param channel web, feed, email or radio
	 * @param target the zone or list, {@code *} for none
	 * @param occurrence when it is planned
	 * @param status planned, due, published, awaiting-confirmation, missed or failed
	 * @param reason why it was decided so
	 * @param publishedAt when it went out, or null
	 * @param origin where it comes from: {@code publish-now} or {@code emergency} for one
	 * this call added; for one already there, the slot that placed it (or
	 * {@code publish-now}, {@code emergency})
	 * @param outcome {@code added} (this call recorded it) or {@code already-done} (the
	 * item already went out, or will, on this channel and target: nothing was added)
	 */
	record PublicationJson(long id, String item, String channel, String target, Instant occurrence, String status,
			String reason, Instant publishedAt, String origin, String outcome) {

		static PublicationJson of(Publications.PublicationView publication, String outcome) {
			return new PublicationJson(publication.id(), publication.itemId(), publication.channel().key(),
					publication.target(), publication.occurrence(),
					publication.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					publication.reason(), publication.publishedAt(), publication.slot(), outcome);
		}

	}

	/** The refusals of {@link PublishNowApiController} as problem details. */
	@RestControllerAdvice(assignableTypes = PublishNowApiController.class)
	static class Problems {

		private final MessageSource messages;

		Problems(MessageSource messages) {
			this.messages = messages;
		}

		@ExceptionHandler(PublishNowRefused.class)
		ProblemDetail refused(PublishNowRefused refused, HttpServletRequest request) {
			HttpStatus status = refused.unknown() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					this.messages.getMessage(refused.messageKey(), new Object[] { refused.itemId() },
							refused.messageKey(), ApiLanguage.of(request)));
			problem.setInstance(URI.create(request.getRequestURI()));
			return problem;
		}

	}

}
