package vn.bantin.account;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.bantin.BantinWebTest;
import vn.bantin.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a staff member's session holds survives being written to the database and read
 * back by another node (the {@code postgres} profile keeps sessions in the database,
 * Java-serialised, as Spring Session JDBC does with these converters): after each step of
 * asking for a page, signing in, opening a form and posting one that leaves a message for
 * the next page, every attribute of the session is serialised and read back. Quicker than
 * the two nodes of {@link SessionsAcrossNodesTests}, and it names the attribute that
 * fails.
 */
@BantinWebTest
class SessionContentsTests {

	private static final Pattern REVOKE = Pattern.compile("action=\"(/admin/account/tokens/\\d+/revoke)\"");

	private final SerializingConverter serializer = new SerializingConverter();

	private final DeserializingConverter deserializer = new DeserializingConverter(getClass().getClassLoader());

	private final Set<String> seen = new TreeSet<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void everythingASessionHoldsIsReadBackAsItWasWritten() throws Exception {
		String username = this.accounts.user(Role.EDITOR);
		MockHttpSession session = new MockHttpSession();

		step(session, get("/admin/account/tokens"));
		MvcResult signedIn = step(session,
				post("/login").param("username", username)
					.param("password", TestAccounts.PASSWORD)
					.with(csrf())
					.with(SignIn.from(SignIn.newAddress())));
		session = (MockHttpSession) signedIn.getRequest().getSession(false);
		step(session, get("/admin/account/tokens"));
		MvcResult created = step(session,
				post("/admin/account/tokens").param("name", "Phiên").param("expiresInDays", "1").with(csrf()));
		Matcher revoke = REVOKE.matcher(created.getResponse().getContentAsString());
		assertThat(revoke.find()).isTrue();
		step(session, post(revoke.group(1)).with(csrf()));

		assertThat(this.seen).as("what the session held along the way")
			.contains("SPRING_SECURITY_SAVED_REQUEST", "SPRING_SECURITY_CONTEXT",
					"org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN",
					"org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");
		SecurityContext context = (SecurityContext) roundTrip("SPRING_SECURITY_CONTEXT",
				session.getAttribute("SPRING_SECURITY_CONTEXT"));
		assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(StaffDetails.class,
				(user) -> assertThat(user.getUsername()).isEqualTo(username));
		assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
			.contains(Role.EDITOR.authority());
	}

	/**
	 * Performs a request in the session, then reads every attribute of the session back
	 * from its serialised form.
	 */
	private MvcResult step(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.session(session)).andReturn();
		MockHttpSession now = (MockHttpSession) result.getRequest().getSession(false);
		if (now != null) {
			for (String name : Collections.list(now.getAttributeNames())) {
				Object value = now.getAttribute(name);
				assertThat(roundTrip(name, value)).as(name).usingRecursiveComparison().isEqualTo(value);
				this.seen.add(name);
			}
		}
		return result;
	}

	private Object roundTrip(String name, Object value) {
		assertThat(value).as("%s is serialisable", name).isInstanceOf(java.io.Serializable.class);
		return this.deserializer.convert(this.serializer.convert(value));
	}

}
