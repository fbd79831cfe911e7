package vn.bantin.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of a user whose access or password changed, once the change is
 * committed. Their next request leads to the sign-in page; signing in again loads the new
 * roles and needs the new password.
 *
 * <p>
 * The registry ({@link StaffSessions}) knows every session the user can use: this node's
 * memory when sessions live there (one node), the database when they live there (several
 * nodes), so that a session opened on another node ends too. The sessions are looked up
 * by the user's name: the database's registry can list no principals, only the sessions
 * of one name, and the in-memory one keys them by the signed-in {@link UserDetails},
 * which equals any {@code UserDetails} of the same name.
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
		List<SessionInformation> ended = this.registry.getAllSessions(principal(event.username()), false)
			.stream()
			.filter((session) -> !session.getSessionId().equals(event.keepSessionId()))
			.toList();
		ended.forEach(SessionInformation::expireNow);
		if (!ended.isEmpty()) {
			log.info("Ended {} session(s) of '{}'", ended.size(), event.username());
		}
	}

	/** Stands for the signed-in user of that name, in either registry. */
	private static UserDetails principal(String username) {
		return User.withUsername(username).password("").build();
	}

}
