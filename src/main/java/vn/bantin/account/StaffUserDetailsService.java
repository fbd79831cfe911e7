package vn.bantin.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads staff users for sign-in. A disabled user is found but refused by Spring Security.
 *
 * <p>
 * Also replaces a hash of an older kind when its user signs in with the right password
 * (Spring Security asks when the password encoder says the hash should be upgraded): a
 * {@code {bcrypt}} hash, from before passwords were pre-hashed ({@link PreHashedBcrypt}),
 * becomes a {@code {bcrypt-sha256}} one. The password and the time it was last changed
 * stay the same.
 */
@Component
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private static final Logger log = LoggerFactory.getLogger(StaffUserDetailsService.class);

	private final StaffUserStore users;

	StaffUserDetailsService(StaffUserStore users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return details(this.users.findByUsername(StaffDirectory.normaliseUsername(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such user")));
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		StaffUser staff = this.users.findByUsername(user.getUsername())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		staff.rehash(newPassword);
		log.info("Password hash of '{}' upgraded to {}", staff.getUsername(), PreHashedBcrypt.ID);
		return details(staff);
	}

	private static UserDetails details(StaffUser user) {
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.disabled(!user.isEnabled())
			.authorities(user.getRoles().stream().map(Role::authority).toArray(String[]::new))
			.build();
	}

}
