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

	/** The communes {@code username} holds roles in, by id. */
	@Transactional(readOnly = true)
	public Set<Long> communesOf(String username) {
		return this.users.findByUsername(username).map(StaffUser::communes).orElse(Set.of());
	}

	/** Whether {@code username} holds a role over the whole province (any commune). */
	@Transactional(readOnly = true)
	public boolean holdsProvinceRole(String username) {
		return this.users.findByUsername(username).flatMap(StaffUser::provinceRole).isPresent();
	}

	/**
	 * Gives {@code username} a role over the whole province, or takes it away
	 * ({@code null}).
	 * @throws java.util.NoSuchElementException when there is no such user
	 */
	@Transactional
	public void assignProvinceRole(String username, ProvinceRole role) {
		this.users.findByUsername(StaffDirectory.normaliseUsername(username)).orElseThrow().provinceRole(role);
	}

}
