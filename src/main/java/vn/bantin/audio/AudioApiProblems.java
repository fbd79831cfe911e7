package vn.bantin.audio;

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
 * Errors of the radio audio API as RFC 9457 problem details: unknown item or processing
 * 404, too large 413, not audio or a format not accepted 415, empty or too long 400.
 */
@RestControllerAdvice(assignableTypes = AudioApiController.class)
class AudioApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	AudioApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(AudioRefused.class)
	ProblemDetail refused(AudioRefused refused, HttpServletRequest request) {
		HttpStatus status = switch (refused.kind()) {
			case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
			case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case UNUSABLE -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = ApiProblem.of(status, refused.messageKey(), refused.arguments(), this.messages,
				request);
		problem.setProperty("field", "file");
		return problem;
	}

	@ExceptionHandler(AudioApiController.UnknownAudio.class)
	ProblemDetail unknown(AudioApiController.UnknownAudio unknown, HttpServletRequest request) {
		return ApiProblem.of(HttpStatus.NOT_FOUND, unknown.messageKey(), null, this.messages, request);
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation violation, HttpServletRequest request) {
		return ApiProblem.refused(violation, this.messages, request);
	}

}
