package vn.bantin.radio;

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
 * Errors of the playlist API as RFC 9457 problem details: a bad date is 400 naming the
 * {@code date} parameter, an unknown occurrence 404.
 */
@RestControllerAdvice(assignableTypes = PlaylistApiController.class)
class PlaylistApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	PlaylistApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

	@ExceptionHandler(UnknownOccurrence.class)
	ProblemDetail unknown(UnknownOccurrence unknown, HttpServletRequest request) {
		return ApiProblem.of(HttpStatus.NOT_FOUND, "playlist.error.unknown", new Object[] { unknown.id() },
				this.messages, request);
	}

}
