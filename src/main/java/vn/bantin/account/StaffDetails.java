package vn.bantin.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A staff user as Spring Security holds them: the authorities of the commune the request
 * is for, and, when they hold none there but do in another commune, that commune.
 */
class StaffDetails extends User {

	private static final long serialVersionUID = 1L;

	/** A commune the user holds roles in, when they hold none here; else 0. */
	private final long elsewhere;

	StaffDetails(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
			long elsewhere) {
		super(username, password, enabled, true, true, true, authorities);
		this.elsewhere = elsewhere;
	}

	long elsewhere() {
		return this.elsewhere;
	}

}
