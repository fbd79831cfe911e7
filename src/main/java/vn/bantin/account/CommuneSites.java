package vn.bantin.account;

import java.util.Optional;

/**
 * Where a commune's staff sign in, for telling a user who signs in on another commune's
 * host where to go. The commune module answers (accounts know communes only by id).
 */
public interface CommuneSites {

	/** The commune's name and site address, if it exists. */
	Optional<Site> of(long commune);

	/**
	 * A commune's site.
	 *
	 * @param name its name
	 * @param url its site's address
	 */
	record Site(String name, String url) {
	}

}
