package vn.bantin.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.system.CommuneTenancy;

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

	private final CommuneTenancy tenancy;

	StaffUserDetailsService(StaffUserStore users, CommuneTenancy tenancy) {
		this.users = users;
		this.tenancy = tenancy;
	}

	/**
	 * After the password matched: a user of another commune signing in on this commune's
	 * host is told where to go ({@link SignedInElsewhere}).
	 */
	void checkCommune(UserDetails user) {
		if (user instanceof StaffDetails staff && staff.elsewhere() > 0) {
			throw new SignedInElsewhere(staff.elsewhere());
		}
	}

	/**
	 * The authorities of {@code user} in the commune of this request, as they are now.
	 */
	@Transactional(readOnly = true)
	java.util.Optional<java.util.List<String>> authoritiesNow(String username) {
		return this.users.findByUsername(username).filter(StaffUser::isEnabled).map(this::authorities);
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

	private UserDetails details(StaffUser user) {
		java.util.List<String> authorities = authorities(user);
		long commune = this.tenancy.commune();
		long elsewhere = 0;
		if (authorities.isEmpty() && commune > 0) {
			elsewhere = user.communes().stream().filter((c) -> c != commune).findFirst().orElse(0L);
		}
		return new StaffDetails(user.getUsername(), user.getPasswordHash(), user.isEnabled(),
				org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(authorities), elsewhere);
	}

	/**
	 * The roles held in the commune in scope (none without one: the province's own
	 * pages), and the province role.
	 */
	private java.util.List<String> authorities(StaffUser user) {
		long commune = this.tenancy.commune();
		java.util.List<String> authorities = new java.util.ArrayList<>();
		if (commune > 0) {
			user.rolesIn(commune).forEach((role) -> authorities.add(role.authority()));
		}
		user.provinceRole().ifPresent((role) -> authorities.add(role.authority()));
		return authorities;
	}

}
