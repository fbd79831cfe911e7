package vn.bantin.content;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.bantin.system.ApiLanguage;
import vn.bantin.system.ApiProblem;
import vn.bantin.system.RuleViolation;

/**
 * Errors of the item API as RFC 9457 problem details ({@code application/problem+json}):
 * a refused input is 400 with the {@code field} at fault and a message in the caller's
 * language (Vietnamese unless {@code Accept-Language} asks for English), a refused
 * workflow step 409, an unknown item 404. Only the API controllers are advised: the admin
 * pages keep their HTML error pages.
 */
@RestControllerAdvice(assignableTypes = ItemApiController.class)
class ItemApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ItemApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

	@ExceptionHandler(ItemTransitionRefused.class)
	ProblemDetail conflict(ItemTransitionRefused refused, HttpServletRequest request) {
		Locale locale = ApiLanguage.of(request);
		String status = this.messages.getMessage("item.status." + refused.status().key(), null, refused.status().key(),
				locale);
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "item.error.transition", new Object[] { status }, request);
		problem.setProperty("status", refused.status().key());
		return problem;
	}

	@ExceptionHandler(ItemChangedSinceSeen.class)
	ProblemDetail changed(ItemChangedSinceSeen changed, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "item.error.changed-since-seen",
				new Object[] { changed.seen(), changed.current() }, request);
		problem.setProperty("reason", "changed");
		problem.setProperty("seen", changed.seen());
		problem.setProperty("revision", changed.current());
		problem.setProperty("diff", changed.diffPath());
		return problem;
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ProblemDetail concurrent(ConcurrencyFailureException concurrent, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "item.error.changed-concurrently", null, request);
		problem.setProperty("reason", "concurrent");
		return problem;
	}

	@ExceptionHandler(FourEyesRefused.class)
	ProblemDetail fourEyes(FourEyesRefused refused, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "item.error.four-eyes", null, request);
		problem.setProperty("reason", "four-eyes");
		return problem;
	}

	@ExceptionHandler(UnknownItem.class)
	ProblemDetail unknown(UnknownItem unknown, HttpServletRequest request) {
		String uri = request.getRequestURI();
		String id = uri.replaceFirst("^.*/api/items/", "").replaceFirst("/.*$", "");
		return problem(HttpStatus.NOT_FOUND, "item.error.unknown", new Object[] { id }, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "item.error.body-unreadable", null,
				((ServletWebRequest) request).getRequest());
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private ProblemDetail problem(HttpStatus status, String key, Object[] arguments, HttpServletRequest request) {
		return ApiProblem.of(status, key, arguments, this.messages, request);
	}

}
