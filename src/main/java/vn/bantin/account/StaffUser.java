package vn.bantin.account;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.bantin.system.CurrentCommune;

/**
 * A staff member who signs in to the admin area. Holds the password only as a hash.
 */
@Entity
@Table(name = "app_user")
class StaffUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 64)
	private String username;

	@Column(name = "display_name", nullable = false, length = 200)
	private String displayName;

	@Column(name = "password_hash", nullable = false, length = 200)
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled;

	/**
	 * The roles held, each in one commune: a role in one commune means nothing in
	 * another.
	 */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_grant", joinColumns = @JoinColumn(name = "user_id"))
	private Set<Grant> grants = new HashSet<>();

	/** A role the user holds in the whole province, if any. */
	@Enumerated(EnumType.STRING)
	@Column(name = "province_role", length = 30)
	private ProvinceRole provinceRole;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "password_changed_at", nullable = false)
	private Instant passwordChangedAt;

	@Version
	private long version;

	protected StaffUser() {
	}

	StaffUser(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = true;
		roles.forEach((role) -> this.grants.add(new Grant(scopeCommune(), role)));
		this.createdAt = now;
		this.passwordChangedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	/** The roles in the commune in scope, in their declared order. */
	public Set<Role> getRoles() {
		return rolesIn(scopeCommune());
	}

	/** The roles in a commune, in their declared order. */
	public Set<Role> rolesIn(long commune) {
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		this.grants.stream().filter((grant) -> grant.commune() == commune).forEach((grant) -> roles.add(grant.role()));
		return Collections.unmodifiableSet(roles);
	}

	/** The communes the user holds a role in, by id. */
	public Set<Long> communes() {
		Set<Long> communes = new java.util.TreeSet<>();
		this.grants.forEach((grant) -> communes.add(grant.commune()));
		return communes;
	}

	/** A role over every commune, if the user has one. */
	public Optional<ProvinceRole> provinceRole() {
		return Optional.ofNullable(this.provinceRole);
	}

	void provinceRole(ProvinceRole role) {
		this.provinceRole = role;
	}

	boolean holds(Role role) {
		return getRoles().contains(role);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	void rename(String displayName) {
		this.displayName = displayName;
	}

	/** Replaces the roles in the commune in scope; those in other communes stay. */
	void assignRoles(Set<Role> roles) {
		assignRoles(scopeCommune(), roles);
	}

	/** Replaces the roles in {@code commune}; those in other communes stay. */
	void assignRoles(long commune, Set<Role> roles) {
		this.grants.removeIf((grant) -> grant.commune() == commune);
		roles.forEach((role) -> this.grants.add(new Grant(commune, role)));
	}

	private static long scopeCommune() {
		return CurrentCommune.id().orElse(CurrentCommune.DEFAULT);
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** Stores the same password hashed another way; it was not changed. */
	void rehash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
	}

}
