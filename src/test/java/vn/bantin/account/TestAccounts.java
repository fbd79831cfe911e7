package vn.bantin.account;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.bantin.SignIn;

/**
 * Lets tests of any module create staff users with the roles they need, through the same
 * rules as the admin pages, and sign them in through the real login form. The one place
 * tests make "a user with these roles, signed in": the tests share one application, so
 * every user made here has a name no other test uses.
 */
@TestComponent
public class TestAccounts {

	/** The password of every user {@link #user} makes. */
	public static final String PASSWORD = "mat-khau-rat-dai-123";

	private static final AtomicInteger counter = new AtomicInteger();

	private final StaffDirectory directory;

	private final ObjectProvider<MockMvc> mvc;

	TestAccounts(StaffDirectory directory, ObjectProvider<MockMvc> mvc) {
		this.directory = directory;
		this.mvc = mvc;
	}

	/** Creates an enabled user. */
	public void create(String username, String password, Set<Role> roles) {
		this.directory.create(username, "", password, roles);
	}

	/**
	 * Creates an enabled user holding these roles, named after the first of them and
	 * unlike any other, with the password {@link #PASSWORD}.
	 * @return its user name
	 */
	public String user(Role... roles) {
		String name = "nv-" + counter.incrementAndGet() + "-" + roles[0].name().toLowerCase(Locale.ROOT);
		create(name, PASSWORD, Set.of(roles));
		return name;
	}

	/**
	 * Creates a user holding these roles ({@link #user}) and signs it in through the
	 * login form (MockMvc, from an address of its own).
	 * @return the signed-in session
	 */
	public MockHttpSession signedIn(Role... roles) throws Exception {
		return signIn(user(roles));
	}

	/** Signs in a user {@link #user} made. */
	public MockHttpSession signIn(String username) throws Exception {
		return SignIn.as(this.mvc.getObject(), username, PASSWORD);
	}

}
