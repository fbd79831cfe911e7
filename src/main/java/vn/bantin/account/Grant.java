package vn.bantin.account;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A role held in one commune. */
@Embeddable
class Grant {

	@Column(name = "commune_id", nullable = false)
	private long commune;

	@Enumerated(EnumType.STRING)
	@Column(name = "role", nullable = false, length = 30)
	private Role role;

	protected Grant() {
	}

	Grant(long commune, Role role) {
		this.commune = commune;
		this.role = role;
	}

	long commune() {
		return this.commune;
	}

	Role role() {
		return this.role;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Grant grant && grant.commune == this.commune && grant.role == this.role;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.commune, this.role);
	}

}
