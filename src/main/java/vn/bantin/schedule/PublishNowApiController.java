package vn.bantin.schedule;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
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
import vn.bantin.publishing.Publications;
import vn.bantin.system.ApiLanguage;

/**
 * {@code POST /api/items/{id}/publish-now}: the "publish now" button for integrators,
 * with a personal API token ({@code Authorization: Bearer}). Answers 202 with the
 * publications recorded (those the channels took are already published, the others go out
 * when their channel or their time comes), 404 for an unknown item, 409 for an item that
 * is not approved or has expired.
 */
@RestController
class PublishNowApiController {

	private final Broadcast broadcast;

	PublishNowApiController(Broadcast broadcast) {
		this.broadcast = broadcast;
	}

	@PostMapping("/api/items/{id}/publish-now")
	@Secured({ Role.Authority.APPROVER, Role.Authority.ADMIN })
	@Operation(summary = "Put an approved or published item out now on all its channels",
			description = "Records one publication per channel and target at this moment (an emergency item's radio"
					+ " publications repeat as configured) and hands the due ones to their channels.",
			responses = {
					@ApiResponse(responseCode = "202", description = "The publications recorded",
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
		List<PublicationJson> made = this.broadcast.publishNow(id, principal.getName())
			.stream()
			.map(PublicationJson::of)
			.toList();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(made);
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
	 * @param origin {@code publish-now} or {@code emergency}
	 */
	record PublicationJson(long id, String item, String channel, String target, Instant occurrence, String status,
			String reason, Instant publishedAt, String origin) {

		static PublicationJson of(Publications.PublicationView publication) {
			return new PublicationJson(publication.id(), publication.itemId(), publication.channel().key(),
					publication.target(), publication.occurrence(),
					publication.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					publication.reason(), publication.publishedAt(), publication.slot());
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
