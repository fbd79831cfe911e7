package vn.bantin.radio;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.bantin.system.ApiProblem;
import vn.bantin.system.RuleViolation;

/**
 * Errors of the as-run API and of the console's reports as RFC 9457 problem details: a
 * refused report or range is 400 with its {@code field}.
 */
@RestControllerAdvice(assignableTypes = { AsRunApiController.class, ConsoleEventsController.class })
class AsRunProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	AsRunProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

}
