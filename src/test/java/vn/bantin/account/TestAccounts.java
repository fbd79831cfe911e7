package vn.bantin.account;

import java.util.Set;

import org.springframework.boot.test.context.TestComponent;

/**
 * Lets tests of other modules create staff users with the roles they need, through the
 * same rules as the admin pages.
 */
@TestComponent
public class TestAccounts {

	private final StaffDirectory directory;

	TestAccounts(StaffDirectory directory) {
		this.directory = directory;
	}

	/** Creates an enabled user. */
	public void create(String username, String password, Set<Role> roles) {
		this.directory.create(username, "", password, roles);
	}

}
