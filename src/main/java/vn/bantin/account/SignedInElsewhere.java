package vn.bantin.account;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The right password, on the host of a commune where the user holds no role while they
 * hold roles in another: they are told where to sign in, not let in.
 */
class SignedInElsewhere extends AccountStatusException {

	private final long commune;

	SignedInElsewhere(long commune) {
		super("The user belongs to commune " + commune);
		this.commune = commune;
	}

	/** A commune the user holds roles in. */
	long commune() {
		return this.commune;
	}

}
