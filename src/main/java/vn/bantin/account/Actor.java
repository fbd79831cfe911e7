package vn.bantin.account;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who changes an account, from where: the address counts wrong current passwords like
 * failed sign-ins ({@link LoginThrottle}), and the session that makes a password change
 * is the one that stays open.
 *
 * @param username the signed-in user making the change
 * @param address the client address the request came from
 * @param sessionId their session, or null
 */
record Actor(String username, String address, String sessionId) {

	static Actor of(HttpServletRequest request, Principal principal) {
		HttpSession session = request.getSession(false);
		return new Actor(principal.getName(), request.getRemoteAddr(), (session != null) ? session.getId() : null);
	}

}
