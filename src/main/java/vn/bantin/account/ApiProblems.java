package vn.bantin.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import vn.bantin.system.ApiProblem;

/**
 * The API's refusals before a controller is reached (no or a bad token: 401, a role that
 * is not admitted: 403), written as RFC 9457 problem details like every other API error.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	/** 401 with {@code WWW-Authenticate: <challenge>}. */
	static AuthenticationEntryPoint unauthorized(String challenge, String detail) {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			write(request, response, HttpStatus.UNAUTHORIZED, detail);
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN,
				"Your roles do not allow this action.");
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ApiProblem.write(request, response, status, detail, null);
	}

}
