package vn.bantin.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import vn.bantin.system.CommuneTenancy;
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
 * <li>The JSON API under {@code /api} is stateless: {@code POST /api/tokens} takes the
 * user's password over HTTP Basic and returns a personal token, every other call sends
 * that token as {@code Authorization: Bearer}; {@code @Secured} applies as on the admin
 * pages.</li>
 * <li>CSRF protection stays on for every form (off only for the API, see
 * {@link #apiSecurity}, and for the residents' email-list pages authorised by signed
 * links, see {@link #residentListsSecurity}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/login";

	static final String API_TOKENS = "/api/tokens";

	/** Where a user with roles in several communes chooses one, on the province host. */
	public static final String CHOOSE_COMMUNE = "/choose-commune";

	/** Every role that may open the admin area (GET). */
	private static final String[] STAFF_READ = { Role.EDITOR.name(), Role.APPROVER.name(), Role.OPERATOR.name(),
			Role.ADMIN.name(), ProvinceRole.PROVINCE_ADMIN.name(), ProvinceRole.PROVINCE_VIEWER.name() };

	/**
	 * Every role that may change something in the admin area: not the province viewer.
	 */
	private static final String[] STAFF_WRITE = { Role.EDITOR.name(), Role.APPROVER.name(), Role.OPERATOR.name(),
			Role.ADMIN.name(), ProvinceRole.PROVINCE_ADMIN.name() };

	private static final String SITE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
			+ " base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	/**
	 * New hashes are {@link PreHashedBcrypt} ({@code {bcrypt-sha256}}), so that a
	 * password of any length works; hashes made before it ({@code {bcrypt}}) still match,
	 * and are replaced at the user's next sign-in ({@link StaffUserDetailsService}
	 * upgrades them). A hash of any other kind never matches (it is no hash Bản tin
	 * makes).
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder encoders = new DelegatingPasswordEncoder(PreHashedBcrypt.ID,
				Map.of(PreHashedBcrypt.ID, new PreHashedBcrypt(), "bcrypt", new BCryptPasswordEncoder()));
		encoders.setDefaultPasswordEncoderForMatches(new NeverMatches());
		return new ComposedPasswordEncoder(encoders);
	}

	/**
	 * Checks a password, then that the user may sign in on this host: a user holding
	 * roles in another commune only is refused with {@link SignedInElsewhere}.
	 */
	@Bean
	org.springframework.security.authentication.dao.DaoAuthenticationProvider staffAuthentication(
			StaffUserDetailsService users, PasswordEncoder passwordEncoder) {
		var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setUserDetailsPasswordService(users);
		provider.setPostAuthenticationChecks(users::checkCommune);
		return provider;
	}

	/**
	 * The province's API ({@code /api/province/...}, on the province host): HTTP Basic
	 * with the password of a {@link ProvinceRole#PROVINCE_ADMIN}, throttled like the
	 * login form, stateless and without CSRF (no cookie is involved, as for
	 * {@code POST /api/tokens}). Tokens are not accepted here: a token belongs to one
	 * commune, and the province host has none.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain provinceApiSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
		return http.securityMatcher("/api/province/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(ProvinceRole.PROVINCE_ADMIN.name()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(ApiProblems.unauthorized(
					"Basic realm=\"bantin\", charset=\"UTF-8\"", "Sign in with your user name and password.")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(ApiProblems.unauthorized("Basic realm=\"bantin\", charset=\"UTF-8\"",
						"Sign in with your user name and password."))
				.accessDeniedHandler(ApiProblems.forbidden()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(SignInThrottleFilter.forHttpBasic(throttle), BasicAuthenticationFilter.class)
			.build();
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
			.addFilterBefore(SignInThrottleFilter.forHttpBasic(throttle), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * {@code POST /api/tokens}: the one API call signed in with a password (HTTP Basic),
	 * throttled like the login form, to get a token for the calls that follow.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiTokenSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, API_TOKENS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(ApiProblems.unauthorized(
					"Basic realm=\"bantin\", charset=\"UTF-8\"", "Sign in with your user name and password.")))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(ApiProblems.forbidden()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// CSRF protection is for cookies and Basic credentials a browser adds by
			// itself;
			// a browser never sends this endpoint's credentials unless the caller's own
			// code
			// sets them, and it creates no session
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(SignInThrottleFilter.forHttpBasic(throttle), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * The rest of the JSON API: stateless, signed in with {@code Authorization: Bearer}
	 * and a personal token ({@link ApiTokens}); {@code @Secured} on each controller then
	 * decides as in the web editor. Refusals are problem details (401 with
	 * {@code WWW-Authenticate: Bearer}, 403).
	 */
	@Bean
	@Order(3)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
		AuthenticationEntryPoint bearer = ApiProblems.unauthorized("Bearer realm=\"bantin\"",
				"Send a valid API token as Authorization: Bearer <token>.");
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(bearer)
				.accessDeniedHandler(ApiProblems.forbidden()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// CSRF off for /api/** only: CSRF abuses credentials that the browser
			// attaches on
			// its own (session cookies). A bearer token is never sent automatically by a
			// browser, only by code that holds it, so a forged cross-site request carries
			// no
			// credentials here. The site's forms keep their CSRF protection.
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, bearer), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * The residents' email-list pages ({@code /subscribe}, {@code /subscribe/confirm},
	 * {@code /preferences}, {@code /unsubscribe}): public, stateless, without CSRF
	 * tokens. CSRF abuses credentials a browser attaches by itself (a session cookie);
	 * these pages use none: what authorises a confirmation, a preference change or an
	 * unsubscription is the signed token in the link or form, which only the mailbox's
	 * owner has, and a sign-up only ever leads to one confirmation mail (double opt-in).
	 * RFC 8058 one-click unsubscribe must also work for a mail client's plain POST,
	 * without cookie or token. No session is created, so that these pages never set a
	 * cookie.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain residentListsSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/subscribe", "/subscribe/**", "/preferences", "/unsubscribe")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(SITE_POLICY)))
			.build();
	}

	@Bean
	@Order(10)
	SecurityFilterChain siteSecurity(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions,
			StaffUserDetailsService users, CommuneTenancy tenancy) throws Exception {
		var afterSignIn = RelativeRedirects.afterSignIn("/admin");
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(CHOOSE_COMMUNE)
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/admin", "/admin/**")
				.hasAnyRole(STAFF_READ)
				.requestMatchers(HttpMethod.HEAD, "/admin", "/admin/**")
				.hasAnyRole(STAFF_READ)
				.requestMatchers("/admin", "/admin/**")
				.hasAnyRole(STAFF_WRITE)
				.anyRequest()
				.permitAll())
			// failures and successes reach the throttle as authentication events
			// (LoginThrottle)
			.formLogin((form) -> form.loginPage(LOGIN_PAGE).permitAll().successHandler((request, response, auth) -> {
				if (tenancy.many() && tenancy.commune() <= 0) {
					// the province host: the user chooses the commune to work in
					response.sendRedirect(request.getContextPath() + CHOOSE_COMMUNE);
					return;
				}
				afterSignIn.onAuthenticationSuccess(request, response, auth);
			}).failureHandler((request, response, exception) -> {
				String query = (exception instanceof SignedInElsewhere elsewhere) ? "?elsewhere=" + elsewhere.commune()
						: "?error";
				response.sendRedirect(request.getContextPath() + LOGIN_PAGE + query);
			}))
			.addFilterBefore(new CommuneAuthoritiesFilter(users, tenancy),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			// redirects to the sign-in page and back are relative: never built from the
			// request's Host header (RelativeRedirects)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(RelativeRedirects.toSignIn(LOGIN_PAGE)))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			// registered sessions can be ended when an administrator disables a user or
			// changes roles (StaffSessions: in memory, or in the database on several
			// nodes)
			.sessionManagement((session) -> session.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredUrl(LOGIN_PAGE + "?expired"))
			.addFilterBefore(SignInThrottleFilter.forLoginForm(throttle, LOGIN_PAGE),
					UsernamePasswordAuthenticationFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(SITE_POLICY)))
			.build();
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

	/** Stands for hashes of a kind Bản tin never makes: no password matches them. */
	static final class NeverMatches implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("Only matches");
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return false;
		}

	}

}
