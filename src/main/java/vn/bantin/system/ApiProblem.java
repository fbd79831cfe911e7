package vn.bantin.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

	/**
	 * Writes a problem straight to the response, for filters that answer before Spring
	 * MVC (sign-in failures, refused access, an upload over the limit).
	 * @param field the form or JSON field at fault, or {@code null}
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			String field) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":"
					+ status.value() + ",\"detail\":" + quote(detail) + ",\"instance\":"
					+ quote(request.getRequestURI()) + ((field != null) ? ",\"field\":" + quote(field) : "") + "}");
	}

	private static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
