package vn.bantin.account;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
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

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role", length = 16)
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

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
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
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

	/** The roles in their declared order. */
	public Set<Role> getRoles() {
		return this.roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(this.roles));
	}

	boolean holds(Role role) {
		return this.roles.contains(role);
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

	void assignRoles(Set<Role> roles) {
		this.roles.clear();
		this.roles.addAll(roles);
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
