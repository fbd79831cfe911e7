package vn.bantin.subscription;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Asks someone staff added without their consent to confirm: the same pending sign-up and
 * one confirmation mail as the public form ({@link SignUps}), so nothing but that mail
 * reaches them until they confirm.
 */
@Component
class ListConfirmations {

	private final SignUps signUps;

	ListConfirmations(SignUps signUps) {
		this.signUps = signUps;
	}

	/**
	 * Records a pending sign-up to the list and sends the confirmation mail.
	 * @return the subscriber's id, or {@code null} when nothing was stored
	 */
	Long ask(String address, String name, String village, String list, String source) {
		return this.signUps.signUp(address, name, village, Set.of(list), source, false).subscriberId();
	}

}
