package vn.bantin.account;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.bantin.system.CurrentCommune;

/**
 * The province's provisioning of a commune's staff (its API and admin pages): creates a
 * user with roles in one commune, or grants an existing user roles there.
 */
@Service
public class ProvinceStaff {

	private final StaffDirectory directory;

	private final StaffUserStore users;

	ProvinceStaff(StaffDirectory directory, StaffUserStore users) {
		this.directory = directory;
		this.users = users;
	}

	/**
	 * Gives {@code username} these roles in the commune of {@code scope}, creating the
	 * user with {@code password} when there is none; an existing user keeps their
	 * password and their roles elsewhere.
	 * @return whether the user was created
	 * @throws vn.bantin.system.RuleViolation on a malformed name or password
	 */
	@Transactional
	public boolean grant(CurrentCommune.Scope scope, String username, String password, Set<Role> roles) {
		return CurrentCommune.call(scope, () -> {
			var existing = this.users.findByUsername(StaffDirectory.normaliseUsername(username));
			if (existing.isPresent()) {
				Set<Role> held = new java.util.HashSet<>(existing.get().rolesIn(scope.id()));
				held.addAll(roles);
				existing.get().assignRoles(scope.id(), held);
				return false;
			}
			this.directory.create(username, "", password, roles);
			return true;
		});
	}

}
