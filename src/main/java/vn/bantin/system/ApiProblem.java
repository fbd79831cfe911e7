package vn.bantin.system;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The JSON API's errors as RFC 9457 problem details: the message in the caller's language
 * ({@link ApiLanguage}) and the request's path as the instance. One place so that every
 * module's API answers a refused input the same way.
 */
public final class ApiProblem {

	private ApiProblem() {
	}

	/**
	 * A problem with the given status whose detail is the message of {@code key}, or the
	 * key itself when it has no message.
	 */
	public static ProblemDetail of(HttpStatus status, String key, Object[] arguments, MessageSource messages,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key, arguments, key, ApiLanguage.of(request)));
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	/** A refused input: 400 with the {@code field} at fault and the reason. */
	public static ProblemDetail refused(RuleViolation violation, MessageSource messages, HttpServletRequest request) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, violation.messageKey(), null, messages, request);
		problem.setProperty("field", violation.field());
		return problem;
	}

}
