package vn.bantin.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while its user name or address is throttled
 * ({@link LoginThrottle}), before the password is checked, so that guessing costs the
 * attacker time rather than the server. One filter per way of signing in: the login form
 * and HTTP Basic (metrics scrapers), so that neither is a way around the other.
 */
abstract class SignInThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private SignInThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	/** The login form: a locked attempt is sent back to the form with {@code ?locked}. */
	static SignInThrottleFilter forLoginForm(LoginThrottle throttle, String loginPage) {
		return new SignInThrottleFilter(throttle) {

			@Override
			String attemptedUsername(HttpServletRequest request) {
				boolean signIn = "POST".equals(request.getMethod())
						&& loginPage.equals(request.getRequestURI().substring(request.getContextPath().length()));
				return signIn ? request.getParameter("username") : null;
			}

			@Override
			void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.sendRedirect(request.getContextPath() + loginPage + "?locked");
			}

		};
	}

	/** HTTP Basic: a locked attempt gets {@code 429 Too Many Requests}. */
	static SignInThrottleFilter forHttpBasic(LoginThrottle throttle) {
		return new SignInThrottleFilter(throttle) {

			private static final String BASIC = "Basic ";

			@Override
			String attemptedUsername(HttpServletRequest request) {
				String header = request.getHeader(HttpHeaders.AUTHORIZATION);
				if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
					return null;
				}
				try {
					String credentials = new String(
							Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
							StandardCharsets.UTF_8);
					int colon = credentials.indexOf(':');
					return (colon < 0) ? credentials : credentials.substring(0, colon);
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}

			@Override
			void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			}

		};
	}

	/**
	 * The user name the request tries to sign in as, or null when it is no sign-in
	 * attempt.
	 */
	abstract String attemptedUsername(HttpServletRequest request);

	abstract void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = attemptedUsername(request);
		if (username != null && this.throttle.isLocked(username, request.getRemoteAddr())) {
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
