package vn.bantin.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.annotation.Secured;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every admin route, as the application itself maps it, against every role: the routes
 * are read from the {@link RequestMappingHandlerMapping}, not from a list kept by hand,
 * so a new admin page is covered (and must declare {@code @Secured}) as soon as it
 * exists.
 */
@BantinWebTest
class AdminRoutesByRoleTests {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

	private static final String PASSWORD = "route-test-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory directory;

	@Autowired
	TestAccounts accounts;

	@Autowired
	List<RequestMappingHandlerMapping> handlerMappings;

	/** A user that exists, so that routes with an id find something. */
	long existingId;

	/** A session signed in through the login form for each role, holding only it. */
	final Map<Role, MockHttpSession> sessions = new EnumMap<>(Role.class);

	private void signInUsersWithOneRoleEach() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36);
		this.existingId = this.directory.create("route-target-" + suffix, "", PASSWORD, Set.of(Role.EDITOR)).getId();
		for (Role role : Role.values()) {
			this.sessions.put(role, this.accounts.signedIn(role));
		}
	}

	@Test
	void everyAdminRouteDeclaresTheRolesItAdmits() {
		List<AdminRoute> routes = adminRoutes();
		assertThat(routes).as("admin routes found in the handler mapping").hasSizeGreaterThan(5);
		assertThat(routes).allSatisfy((route) -> assertThat(route.secured())
			.as("@Secured on %s or its class %s", route.handler().getMethod(), route.handler().getBeanType())
			.isNotNull());
	}

	@Test
	void anonymousIsSentToLoginAndEachRoleGetsExactlyTheRoutesItsSecuredAdmits() throws Exception {
		signInUsersWithOneRoleEach();
		List<AdminRoute> routes = adminRoutes();
		SoftAssertions softly = new SoftAssertions();
		Set<String> visited = new TreeSet<>();
		Map<Role, Integer> admitted = new EnumMap<>(Role.class);
		for (AdminRoute route : routes) {
			if (route.secured() == null) {
				continue; // reported by everyAdminRouteDeclaresTheRolesItAdmits
			}
			Outcome anonymous = perform(route, null);
			softly.assertThat(anonymous.toLogin())
				.as("%s as anonymous: expected a redirect to /login but got %s", route, anonymous)
				.isTrue();
			for (Role role : Role.values()) {
				boolean admits = Arrays.asList(route.secured().value()).contains(role.authority());
				Outcome outcome = perform(route, this.sessions.get(role));
				if (admits) {
					admitted.merge(role, 1, Integer::sum);
					softly.assertThat(outcome.status() != 403 && !outcome.toLogin())
						.as("%s as %s (admitted by @Secured): got %s", route, role, outcome)
						.isTrue();
				}
				else {
					softly.assertThat(outcome.status())
						.as("%s as %s (not admitted by @Secured): got %s", route, role, outcome)
						.isEqualTo(403);
				}
			}
			visited.add(route.toString());
		}
		softly.assertAll();
		assertThat(visited).as("routes visited").hasSizeGreaterThan(5);
		// every role is admitted somewhere (its home page), and some routes are for one
		// role
		// only: the walk covers routes that refuse most roles
		assertThat(admitted).containsOnlyKeys(Role.values());
		assertThat(routes.stream()
			.filter((route) -> route.secured() != null && route.secured().value().length == 1)
			.map((route) -> route.secured().value()[0])
			.distinct()).contains(Role.Authority.ADMIN, Role.Authority.EDITOR, Role.Authority.APPROVER);
	}

	private Outcome perform(AdminRoute route, MockHttpSession session) throws Exception {
		String path = PATH_VARIABLE.matcher(route.pattern())
			.replaceAll(Matcher.quoteReplacement(Long.toString(this.existingId)));
		AbstractMockHttpServletRequestBuilder<?> request;
		if (route.method() != HttpMethod.GET && !route.fileParameters().isEmpty()) {
			MockMultipartHttpServletRequestBuilder upload = multipart(path);
			route.fileParameters().forEach((name) -> upload.file(new MockMultipartFile(name, new byte[0])));
			request = upload;
		}
		else {
			request = request(route.method(), path);
		}
		request.with(SignIn.from(SignIn.newAddress()));
		if (route.method() != HttpMethod.GET) {
			request.with(csrf());
		}
		if (session != null) {
			request.session(session);
		}
		try {
			var response = this.mvc.perform(request).andReturn().getResponse();
			return new Outcome(response.getStatus(), response.getRedirectedUrl());
		}
		catch (Exception ex) {
			// past security, the request failed on its empty input
			return new Outcome(500, null);
		}
	}

	private List<AdminRoute> adminRoutes() {
		List<AdminRoute> routes = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : this.handlerMappings) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				HandlerMethod handler = entry.getValue();
				List<HttpMethod> httpMethods = info.getMethodsCondition().getMethods().isEmpty()
						? List.of(HttpMethod.GET, HttpMethod.POST)
						: info.getMethodsCondition().getMethods().stream().map(RequestMethod::asHttpMethod).toList();
				for (String pattern : info.getPatternValues()) {
					if (pattern.equals("/admin") || pattern.startsWith("/admin/")) {
						for (HttpMethod method : httpMethods) {
							routes.add(new AdminRoute(pattern, method, handler, secured(handler),
									fileParameters(handler)));
						}
					}
				}
			}
		}
		return routes;
	}

	private static Secured secured(HandlerMethod handler) {
		Secured onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Secured.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Secured.class);
	}

	private static List<String> fileParameters(HandlerMethod handler) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				String name = (param != null && !param.name().isEmpty()) ? param.name()
						: (param != null && !param.value().isEmpty()) ? param.value() : parameter.getParameterName();
				names.add(name);
			}
		}
		return names;
	}

	record AdminRoute(String pattern, HttpMethod method, HandlerMethod handler, Secured secured,
			List<String> fileParameters) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	record Outcome(int status, String redirectedUrl) {

		boolean toLogin() {
			return this.status == 302 && this.redirectedUrl != null
					&& "/login".equals(URI.create(this.redirectedUrl).getPath());
		}

	}

}
