package vn.bantin.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.bantin.text.VietnameseText;

/**
 * Who may see what.
 *
 * <ul>
 * <li>The public site needs no sign-in.</li>
 * <li>Everything under {@code /admin} needs a signed-in user holding at least one
 * {@link Role}; each admin controller narrows that further with {@code @Secured}.</li>
 * <li>{@code /actuator/health} and {@code /actuator/info} are public (load balancers and
 * uptime checks); other actuator endpoints, such as Prometheus metrics, need an
 * administrator over HTTP Basic, which scrapers support.</li>
 * <li>CSRF protection stays on for every form.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/login";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today; the {id} prefix lets hashes move to a stronger encoder later
		return new ComposedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
		return http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.anyRequest()
						.hasRole(Role.ADMIN.name()))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BasicThrottleFilter(throttle), BasicAuthenticationFilter.class)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain siteSecurity(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions)
			throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin", "/admin/**")
				.hasAnyRole(Role.EDITOR.name(), Role.APPROVER.name(), Role.OPERATOR.name(), Role.ADMIN.name())
				.anyRequest()
				.permitAll())
			// failures and successes reach the throttle as authentication events
			// (LoginThrottle)
			.formLogin((form) -> form.loginPage(LOGIN_PAGE)
				.permitAll()
				.defaultSuccessUrl("/admin")
				.failureUrl(LOGIN_PAGE + "?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			// registered sessions can be ended when an administrator disables a user or
			// changes roles
			.sessionManagement((session) -> session.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredUrl(LOGIN_PAGE + "?expired"))
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
							+ " frame-ancestors 'self'")))
			.build();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry when sessions end, so that it does not grow forever. */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * Hashes and compares passwords in Unicode NFC. The admin forms hand passwords over
	 * composed ({@code NfcFormInput}) but the login form does not, and some Vietnamese
	 * keyboards send decomposed letters: without this, a password with diacritics chosen
	 * on such a keyboard could never be used to sign in.
	 */
	static final class ComposedPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder encoder;

		ComposedPasswordEncoder(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.encoder.encode(composed(rawPassword));
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return this.encoder.matches(composed(rawPassword), encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.encoder.upgradeEncoding(encodedPassword);
		}

		private static String composed(CharSequence rawPassword) {
			return (rawPassword != null) ? VietnameseText.nfc(rawPassword.toString()) : null;
		}

	}

	/**
	 * Refuses a sign-in attempt while its user name or address is throttled, before the
	 * password is checked, so that guessing costs the attacker time rather than the
	 * server.
	 */
	static final class LoginThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		LoginThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod())
					&& LOGIN_PAGE.equals(request.getRequestURI().substring(request.getContextPath().length())));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.throttle.isLocked(request.getParameter("username"), request.getRemoteAddr())) {
				response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?locked");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Refuses HTTP Basic credentials (used by metrics scrapers) while their user name or
	 * address is throttled, so that Basic is no way around the sign-in throttle.
	 */
	static final class BasicThrottleFilter extends OncePerRequestFilter {

		private static final String BASIC = "Basic ";

		private final LoginThrottle throttle;

		BasicThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			return header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length());
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.throttle.isLocked(basicUsername(request), request.getRemoteAddr())) {
				response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
				return;
			}
			chain.doFilter(request, response);
		}

		private static String basicUsername(HttpServletRequest request) {
			try {
				String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BASIC.length()).strip();
				String credentials = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				return (colon < 0) ? credentials : credentials.substring(0, colon);
			}
			catch (IllegalArgumentException ex) {
				return "";
			}
		}

	}

}
