package vn.bantin.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import vn.bantin.BantinWebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the table of who may use which route into {@code docs/security.md}, from the
 * running application itself: every route its handler mappings know (controllers,
 * actuator endpoints, static files), the security filter chain that takes it and that
 * chain's URL rules, evaluated for an anonymous caller and for a user holding each
 * {@link Role}, then narrowed by {@code @Secured} on the handler method or its class. So
 * the table cannot drift from the code: a route added, or a role changed, changes it. On
 * CI a table that had to change fails the test, as {@code ModularityTests} does for the
 * module diagram; locally the test rewrites it, to be committed.
 */
@BantinWebTest
class SecurityDocumentTests {

	static final Path DOCUMENT = Path.of("docs/security.md");

	static final String BEGIN = "<!-- route-table:begin (written by SecurityDocumentTests) -->";

	static final String END = "<!-- route-table:end -->";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	/**
	 * How one signs in on each security filter chain, by its bean name in
	 * {@code SecurityConfiguration}; a new chain needs a line here.
	 */
	private static final Map<String, String> SIGN_IN = Map.of("actuatorSecurity", "HTTP Basic", "apiTokenSecurity",
			"HTTP Basic (password)", "apiSecurity", "API token", "residentListsSecurity", "signed link", "siteSecurity",
			"session", "provinceApiSecurity", "HTTP Basic (password)");

	@Autowired
	ApplicationContext context;

	@Autowired
	FilterChainProxy filterChainProxy;

	@Test
	void securityDocumentHoldsTheCurrentTableOfRoutesAndRoles() throws IOException {
		List<Row> rows = rows();
		assertThat(rows).as("routes found").hasSizeGreaterThan(50);
		assertThat(rows).filteredOn((row) -> row.pattern().startsWith("/admin"))
			.as("admin routes are for signed-in staff only")
			.allSatisfy((row) -> assertThat(row.anyone()).isFalse());
		String table = "\n" + summary(rows) + "\n" + routes(rows) + "\n";
		String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		int begin = document.indexOf(BEGIN);
		int end = document.indexOf(END);
		assertThat(begin).as("docs/security.md needs the markers %s and %s", BEGIN, END).isNotNegative();
		assertThat(end).isGreaterThan(begin);
		String current = document.substring(begin + BEGIN.length(), end);
		if (!current.equals(table)) {
			Files.writeString(DOCUMENT, document.substring(0, begin + BEGIN.length()) + table + document.substring(end),
					StandardCharsets.UTF_8);
			assertThat("true".equals(System.getenv("CI")))
				.as("docs/security.md had a stale table of routes and roles; it was rewritten, commit it")
				.isFalse();
		}
		assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8)).contains(table);
	}

	/** Every route with who may use it, by path then method. */
	private List<Row> rows() {
		Map<SecurityFilterChain, String> chainNames = new IdentityHashMap<>();
		this.context.getBeansOfType(SecurityFilterChain.class).forEach((name, chain) -> chainNames.put(chain, name));
		assertThat(chainNames.values()).as("every security filter chain says how one signs in on it")
			.allSatisfy((name) -> assertThat(SIGN_IN).containsKey(name));
		Map<String, Row> rows = new TreeMap<>();
		for (Route route : routes()) {
			List<String> methods = route.methods().isEmpty() ? List.of("GET", "POST") : route.methods();
			Map<String, Row> byMethod = new LinkedHashMap<>();
			for (String method : methods) {
				byMethod.put(method, evaluate(route, method, chainNames));
			}
			boolean same = byMethod.values().stream().map(Row::access).distinct().count() == 1;
			if (route.methods().isEmpty() && same) {
				Row any = byMethod.values().iterator().next();
				rows.merge(key(route.pattern(), "any"), any.withMethod("any"), Row::or);
			}
			else {
				byMethod.forEach((method, row) -> rows.merge(key(route.pattern(), method), row, Row::or));
			}
		}
		return new ArrayList<>(rows.values());
	}

	private static String key(String pattern, String method) {
		return pattern + " " + method;
	}

	private Row evaluate(Route route, String method, Map<SecurityFilterChain, String> chainNames) {
		String path = PATH_VARIABLE.matcher(route.pattern()).replaceAll("1").replace("**", "x");
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		SecurityFilterChain chain = this.filterChainProxy.getFilterChains()
			.stream()
			.filter((candidate) -> candidate.matches(request))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No security filter chain takes " + method + " " + path));
		AuthorizationManager<jakarta.servlet.http.HttpServletRequest> rules = chain.getFilters()
			.stream()
			.filter(AuthorizationFilter.class::isInstance)
			.map((Filter filter) -> ((AuthorizationFilter) filter).getAuthorizationManager())
			.findFirst()
			.orElseThrow(() -> new AssertionError("The chain taking " + method + " " + path + " authorises nothing"));
		Secured secured = (route.handler() != null) ? secured(route.handler()) : null;
		boolean anyone = granted(rules, request, () -> new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))) && secured == null;
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			boolean byUrl = granted(rules, request, () -> UsernamePasswordAuthenticationToken.authenticated("staff",
					null, AuthorityUtils.createAuthorityList(role.authority())));
			if (byUrl && (secured == null || Arrays.asList(secured.value()).contains(role.authority()))) {
				roles.add(role);
			}
		}
		String credential = anyone ? (secretInTheLink(route) ? "secret link" : "none")
				: SIGN_IN.get(chainNames.get(chain));
		return new Row(route.pattern(), method, anyone, roles, credential);
	}

	private static boolean granted(AuthorizationManager<jakarta.servlet.http.HttpServletRequest> rules,
			MockHttpServletRequest request, Supplier<Authentication> authentication) {
		AuthorizationResult result = rules.authorize(authentication, request);
		return result != null && result.isGranted();
	}

	/** A public route that needs a secret: a {@code token} in its path or parameters. */
	private static boolean secretInTheLink(Route route) {
		if (route.pattern().contains("{token}")) {
			return true;
		}
		if (route.handler() == null) {
			return false;
		}
		for (MethodParameter parameter : route.handler().getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			String name = (param != null && !param.name().isEmpty()) ? param.name()
					: (param != null && !param.value().isEmpty()) ? param.value()
							: (variable != null && !variable.value().isEmpty()) ? variable.value()
									: parameter.getParameterName();
			if ((param != null || variable != null) && "token".equals(name)) {
				return true;
			}
		}
		return false;
	}

	/** The routes of every handler mapping: controllers, actuator, static files. */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				List<String> methods = entry.getKey()
					.getMethodsCondition()
					.getMethods()
					.stream()
					.map(RequestMethod::name)
					.sorted()
					.toList();
				for (String pattern : entry.getKey().getPatternValues()) {
					routes.add(new Route(pattern, methods, entry.getValue()));
				}
			}
		}
		for (AbstractUrlHandlerMapping mapping : this.context.getBeansOfType(AbstractUrlHandlerMapping.class)
			.values()) {
			mapping.getHandlerMap().forEach((pattern, handler) -> {
				if (handler instanceof ResourceHttpRequestHandler) {
					routes.add(new Route(pattern, List.of("GET"), null));
				}
			});
		}
		return routes;
	}

	private static Secured secured(HandlerMethod handler) {
		Secured onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Secured.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Secured.class);
	}

	/**
	 * Per area (a path's first two segments), whether each role may use all of its
	 * routes, some or none.
	 */
	private static String summary(List<Row> rows) {
		Map<String, List<Row>> areas = new TreeMap<>();
		for (Row row : rows) {
			areas.computeIfAbsent(area(row.pattern()), (a) -> new ArrayList<>()).add(row);
		}
		StringBuilder table = new StringBuilder("| area | routes | anyone | ");
		table.append(Arrays.stream(Role.values())
			.map(Role::name)
			.map((r) -> "`" + r + "`")
			.collect(Collectors.joining(" | ")));
		table.append(" |\n|---|---:|:---:|").append(":---:|".repeat(Role.values().length)).append('\n');
		areas.forEach((area, inArea) -> {
			table.append("| `").append(area).append("` | ").append(inArea.size()).append(" | ");
			table.append(share(inArea.stream().filter(Row::anyone).count(), inArea.size()));
			for (Role role : Role.values()) {
				table.append(" | ")
					.append(share(inArea.stream().filter((row) -> row.roles().contains(role)).count(), inArea.size()));
			}
			table.append(" |\n");
		});
		return table.toString();
	}

	private static String share(long admitted, int of) {
		return (admitted == 0) ? "—" : (admitted == of) ? "✓" : admitted + " of " + of;
	}

	private static String area(String pattern) {
		String[] segments = pattern.split("/");
		StringBuilder area = new StringBuilder();
		int taken = 0;
		for (String segment : segments) {
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.startsWith("{") || segment.contains("*") || segment.contains(".") || taken == 2) {
				break;
			}
			area.append('/').append(segment);
			taken++;
		}
		return (area.length() == 0) ? "/" : area.toString();
	}

	/** Every route. */
	private static String routes(List<Row> rows) {
		StringBuilder table = new StringBuilder("<details><summary>Every route (").append(rows.size())
			.append(")</summary>\n\n| method | path | sign-in | anyone | ");
		table.append(Arrays.stream(Role.values())
			.map(Role::name)
			.map((r) -> "`" + r + "`")
			.collect(Collectors.joining(" | ")));
		table.append(" |\n|---|---|---|:---:|").append(":---:|".repeat(Role.values().length)).append('\n');
		for (Row row : rows) {
			table.append("| ")
				.append(row.method())
				.append(" | `")
				.append(row.pattern())
				.append("` | ")
				.append(row.credential())
				.append(" | ")
				.append(row.anyone() ? "✓" : "");
			for (Role role : Role.values()) {
				table.append(" | ").append(row.roles().contains(role) ? "✓" : "");
			}
			table.append(" |\n");
		}
		return table.append("\n</details>\n").toString();
	}

	record Route(String pattern, List<String> methods, HandlerMethod handler) {
	}

	record Row(String pattern, String method, boolean anyone, Set<Role> roles, String credential) {

		Row withMethod(String other) {
			return new Row(this.pattern, other, this.anyone, this.roles, this.credential);
		}

		/**
		 * Two handlers on one path and method (told apart by a parameter, as
		 * {@code POST /preferences} with and without {@code token}): both credentials, in
		 * a fixed order, so that the table does not depend on which was found first.
		 */
		Row or(Row other) {
			Set<Role> both = new TreeSet<>(this.roles);
			both.addAll(other.roles);
			String credentials = new TreeSet<>(List.of(this.credential.split(" or ")))
				.equals(new TreeSet<>(List.of(other.credential.split(" or ")))) ? this.credential
						: String.join(" or ",
								new TreeSet<>(List.of((this.credential + " or " + other.credential).split(" or "))));
			return new Row(this.pattern, this.method, this.anyone || other.anyone, both, credentials);
		}

		/** Who may use it, whatever the method. */
		String access() {
			return this.anyone + " " + new TreeSet<>(this.roles) + " " + this.credential;
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern.toLowerCase(Locale.ROOT);
		}

	}

}
