package vn.bantin;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Signs in through the real login form ({@code POST /login} with a CSRF token).
 *
 * <p>
 * Failed sign-ins are also counted per client address, and the tests share one context,
 * so each attempt comes from an address of its own unless a test names one.
 */
public final class SignIn {

	/** User name of the user created on the first start. */
	public static final String ADMIN = "admin";

	/** The password {@link BantinWebTest} configures for {@link #ADMIN}. */
	public static final String ADMIN_PASSWORD = "test-admin-pass-2025";

	private static final AtomicInteger addresses = new AtomicInteger();

	private SignIn() {
	}

	/** An address no other sign-in attempt uses. */
	public static String newAddress() {
		int n = addresses.incrementAndGet();
		return "10.0." + (n / 250) + "." + (n % 250 + 1);
	}

	/** Makes a request come from {@code address}. */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** Posts the login form from a new address and returns the result. */
	public static MvcResult attempt(MockMvc mvc, String username, String password) throws Exception {
		return attempt(mvc, username, password, newAddress());
	}

	/** Posts the login form from {@code address} and returns the result. */
	public static MvcResult attempt(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andReturn();
	}

	/**
	 * Signs in, asserts that it led to the admin area, and returns the signed-in session.
	 */
	public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = attempt(mvc, username, password);
		redirectedUrl("/admin").match(result);
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
