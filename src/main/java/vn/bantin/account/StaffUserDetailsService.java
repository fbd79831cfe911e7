package vn.bantin.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads staff users for sign-in. A disabled user is found but refused by Spring Security.
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

	private final StaffUsers users;

	StaffUserDetailsService(StaffUsers users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = this.users.findByUsername(StaffDirectory.normaliseUsername(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.disabled(!user.isEnabled())
			.authorities(user.getRoles().stream().map(Role::authority).toArray(String[]::new))
			.build();
	}

}
