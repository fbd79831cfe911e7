package vn.bantin.account;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of a user whose access changed, once the change is committed.
 * Their next request leads to the sign-in page; signing in again loads the new roles.
 */
@Component
class SignedInSessions {

	private final SessionRegistry registry;

	SignedInSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(StaffAccessChanged event) {
		this.registry.getAllPrincipals()
			.stream()
			.filter((principal) -> principal instanceof UserDetails user && user.getUsername().equals(event.username()))
			.flatMap((principal) -> this.registry.getAllSessions(principal, false).stream())
			.forEach(SessionInformation::expireNow);
	}

}
