package vn.bantin.mailing;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.bantin.system.ApiProblem;
import vn.bantin.system.RuleViolation;

/**
 * Errors of the sends API as RFC 9457 problem details with a machine-readable
 * {@code reason} ({@link SendRefused.Reason#key()}): an unknown list, item or send is
 * 404; an item that may not be sent now (not approved, not released yet, expired, not on
 * email), an item already sent to the list, a send that cannot be resumed or cancelled is
 * 409; a refused parameter 400 with its {@code field}.
 */
@RestControllerAdvice(assignableTypes = SendsApiController.class)
class SendsApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	SendsApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(SendRefused.class)
	ProblemDetail refused(SendRefused refused, HttpServletRequest request) {
		HttpStatus status = switch (refused.reason()) {
			case UNKNOWN_LIST, UNKNOWN_ITEM, UNKNOWN_SEND -> HttpStatus.NOT_FOUND;
			case NOT_APPROVED, NOT_RELEASED, EXPIRED, NOT_ON_EMAIL, ALREADY_SENT, ITEMS_NOT_APPROVED, NOT_CANCELLABLE ->
				HttpStatus.CONFLICT;
		};
		ProblemDetail problem = ApiProblem.of(status, refused.reason().messageKey(), refused.arguments(), this.messages,
				request);
		problem.setProperty("reason", refused.reason().key());
		return problem;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

}
