package vn.bantin.subscription;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import vn.bantin.timetable.MailingListRefused;
import vn.bantin.system.ApiLanguage;
import vn.bantin.system.ApiProblem;
import vn.bantin.system.RuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the lists API as RFC 9457 problem details in the caller's language: 404 for
 * an unknown list or subscriber, 409 for a key already used or a suppressed address (with
 * its {@code reason}), 422 with {@code errors} (field and message) for a refused list or
 * address, 400 for a bad parameter.
 */
@RestControllerAdvice(assignableTypes = ListApiController.class)
class ListApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ListApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

	@ExceptionHandler(Refused.class)
	ProblemDetail refused(Refused refused, HttpServletRequest request) {
		ProblemDetail problem = ApiProblem.of(refused.status, refused.messageKey, refused.args, this.messages, request);
		refused.properties.forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(MailingListRefused.class)
	ProblemDetail refused(MailingListRefused refused, HttpServletRequest request) {
		HttpStatus status = switch (refused.reason()) {
			case KEY_TAKEN, CONFLICT, IN_USE, READ_ONLY -> HttpStatus.CONFLICT;
			case UNKNOWN -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		MailingListRefused.FieldError first = refused.errors().get(0);
		ProblemDetail problem = ApiProblem.of(status, first.code(), first.args(), this.messages, request);
		List<Map<String, String>> errors = refused.errors()
			.stream()
			.map((error) -> Map.of("field", error.field(), "message",
					this.messages.getMessage(error.code(), error.args(), error.code(), ApiLanguage.of(request))))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * A refusal of the lists API: status, message key and arguments, extra properties.
	 */
	static final class Refused extends RuntimeException {

		private final HttpStatus status;

		private final String messageKey;

		private final transient Object[] args;

		private final transient Map<String, Object> properties;

		Refused(HttpStatus status, String messageKey, Map<String, Object> properties, Object... args) {
			super(messageKey);
			this.status = status;
			this.messageKey = messageKey;
			this.properties = properties;
			this.args = args;
		}

	}

}
