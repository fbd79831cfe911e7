package vn.bantin.commune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import vn.bantin.system.CurrentCommune;

/**
 * Puts every request in the scope of one commune, before anything else (Spring Security
 * included) reads or writes a row: the commune whose host names contain the request's
 * host.
 *
 * <p>
 * In a province of one, every host is the default commune's, as before communes. In a
 * province of many:
 * <ul>
 * <li>a commune's host runs every path in that commune's scope ({@code /province/...} is
 * not there: 404);</li>
 * <li>the province host ({@code bantin.province.host}) shows the portal at {@code /} and
 * {@code /province/...}; its sign-in, admin and API paths run in the commune the
 * signed-in user chose ({@link #CHOSEN}), or in none (the province's own pages);</li>
 * <li>any other host gets the plain list of the communes for every page (200 at
 * {@code /}, 404 elsewhere), never another commune's site.</li>
 * </ul>
 * Work without a scope sees no commune's rows ({@code CommuneTenancy}), so a path that
 * slips through fails closed.
 */
class CommuneScopeFilter implements Filter {

	/**
	 * The session attribute holding the id of the commune chosen on the province host.
	 */
	static final String CHOSEN = CommuneScopeFilter.class.getName() + ".CHOSEN";

	/** The province portal, on the province host. */
	static final String PORTAL = "/province";

	/** The plain list of the communes, for an unknown host. */
	static final String LIST = "/province/communes";

	/** Paths served alike on every host, without a commune's rows. */
	private static final List<String> SHARED = List.of("/css/", "/js/", "/images/", "/webjars/", "/favicon.ico",
			"/actuator", "/error");

	/** The health checks of balancers and orchestrators. */
	private static final String HEALTH = "/actuator/health";

	/** Paths on the province host that act for the chosen commune (or for none). */
	private static final List<String> STAFF = List.of("/login", "/logout", "/admin", "/api/", "/v3/api-docs",
			"/choose-commune");

	private final Communes communes;

	private final ProvinceSettings province;

	CommuneScopeFilter(Communes communes, ProvinceSettings province) {
		this.communes = communes;
		this.province = province;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (CurrentCommune.scope().isPresent()) {
			// an error or async dispatch inside a request that has its scope already
			chain.doFilter(request, response);
			return;
		}
		String host = Communes.hostName(request.getServerName());
		String path = path(request);
		if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
			// no commune, and no database read to find one: liveness must answer while
			// the database is down, readiness must say DOWN rather than fail
			chain.doFilter(request, response);
			return;
		}
		if (!this.communes.many()) {
			inScope(Optional.of(this.communes.defaultScope()), request, response, chain);
			return;
		}
		if (this.province.host().filter(host::equals).isPresent()) {
			provinceHost(path, request, response, chain);
			return;
		}
		Optional<CurrentCommune.Scope> scope = this.communes.byHost(host);
		if (scope.isPresent()) {
			if (path.equals(PORTAL) || path.startsWith(PORTAL + "/")) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			inScope(scope, request, response, chain);
			return;
		}
		if (startsWithAny(path, SHARED)) {
			chain.doFilter(request, response);
			return;
		}
		communeList(path, request, response, chain);
	}

	private void provinceHost(String path, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (path.equals("/")) {
			chain.doFilter(new Rewritten(request, PORTAL), response);
		}
		else if (path.equals(PORTAL) || path.startsWith(PORTAL + "/") || startsWithAny(path, SHARED)) {
			chain.doFilter(request, response);
		}
		else if (startsWithAny(path, STAFF)) {
			inScope(chosen(request), request, response, chain);
		}
		else {
			communeList(path, request, response, chain);
		}
	}

	/** The list of the communes, in place of a page no commune answers for. */
	private static void communeList(String path, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write("Not found\n".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (!path.equals("/")) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		chain.doFilter(new Rewritten(request, LIST), response);
	}

	private Optional<CurrentCommune.Scope> chosen(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object chosen = (session != null) ? session.getAttribute(CHOSEN) : null;
		if (chosen instanceof Long id) {
			return this.communes.active(id);
		}
		return Optional.empty();
	}

	private static void inScope(Optional<CurrentCommune.Scope> scope, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
		if (scope.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		try {
			CurrentCommune.call(scope.get(), () -> {
				try {
					chain.doFilter(request, response);
					return null;
				}
				catch (IOException | ServletException ex) {
					throw new Wrapped(ex);
				}
			});
		}
		catch (Wrapped wrapped) {
			if (wrapped.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) wrapped.getCause();
		}
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		String path = (context != null && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
		return path.isEmpty() ? "/" : path;
	}

	private static boolean startsWithAny(String path, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
					|| path.startsWith(prefix) && prefix.endsWith("/")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The request as if it had asked for another path: a forward Spring Security and MVC
	 * see as the request itself (and MockMvc runs, which does not follow forwards).
	 */
	private static final class Rewritten extends HttpServletRequestWrapper {

		private final String path;

		Rewritten(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.path;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer();
			url.append(getScheme()).append("://").append(getServerName());
			int port = getServerPort();
			if (port > 0
					&& !(("http".equals(getScheme()) && port == 80) || ("https".equals(getScheme()) && port == 443))) {
				url.append(':').append(port);
			}
			return url.append(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return null;
		}

	}

	private static final class Wrapped extends RuntimeException {

		Wrapped(Exception cause) {
			super(cause);
		}

	}

}
