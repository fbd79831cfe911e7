package vn.bantin.account;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.bantin.SignIn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lets API tests of any module call as a user with the roles they need: creates the user
 * and gets a token the way a client does, {@code POST /api/tokens} with the user's
 * password.
 */
@TestComponent
public class TestApiTokens {

	private static final AtomicInteger counter = new AtomicInteger();

	private static final String PASSWORD = "mat-khau-rat-dai";

	private final StaffDirectory directory;

	private final MockMvc mvc;

	TestApiTokens(StaffDirectory directory, MockMvc mvc) {
		this.directory = directory;
		this.mvc = mvc;
	}

	/** A token of a new user holding these roles. */
	public String token(Role... roles) throws Exception {
		String name = "api-" + counter.incrementAndGet() + "-" + roles[0].name().toLowerCase(Locale.ROOT);
		this.directory.create(name, "", PASSWORD, Set.of(roles));
		String json = this.mvc
			.perform(post("/api/tokens").with(httpBasic(name, PASSWORD))
				.with(SignIn.from(SignIn.newAddress()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"kiểm thử\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	/** The request, sent with the token. */
	public static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

}
