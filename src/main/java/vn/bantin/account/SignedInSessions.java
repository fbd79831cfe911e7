package vn.bantin.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of a user whose access or password changed, once the change is
 * committed. Their next request leads to the sign-in page; signing in again loads the new
 * roles and needs the new password.
 *
 * <p>
 * The registry is this node's: sessions live in this node's memory today, so it knows
 * every session they can use.
 */
@Component
class SignedInSessions {

	private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

	private final SessionRegistry registry;

	SignedInSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(StaffAccessChanged event) {
		List<SessionInformation> ended = this.registry.getAllPrincipals()
			.stream()
			.filter((principal) -> principal instanceof UserDetails user && user.getUsername().equals(event.username()))
			.flatMap((principal) -> this.registry.getAllSessions(principal, false).stream())
			.filter((session) -> !session.getSessionId().equals(event.keepSessionId()))
			.toList();
		ended.forEach(SessionInformation::expireNow);
		if (!ended.isEmpty()) {
			log.info("Ended {} session(s) of '{}'", ended.size(), event.username());
		}
	}

}
