package vn.bantin.agenda;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.bantin.system.ApiProblem;
import vn.bantin.system.RuleViolation;

/**
 * Errors of the agenda API as RFC 9457 problem details: a refused parameter is 400 with
 * the {@code field} at fault and a message in the caller's language.
 */
@RestControllerAdvice(assignableTypes = AgendaApiController.class)
class AgendaApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	AgendaApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

}
