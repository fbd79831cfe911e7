package vn.bantin.mailing;

import vn.bantin.account.ResidentAddresses;
import vn.bantin.system.Secrets;

/**
 * A delivery as a staff member may see it, on the sends page and in the API alike: the
 * address and name only for the roles of {@link ResidentAddresses} (others get the masked
 * address and no name), and the server's answer with any link secret masked
 * ({@link Secrets#masked}), so that no resident's token ever reaches a staff view.
 */
final class DeliveryPrivacy {

	private DeliveryPrivacy() {
	}

	static Mailings.DeliveryView shown(Mailings.DeliveryView delivery, boolean addresses) {
		return new Mailings.DeliveryView(delivery.id(), delivery.subscriberId(),
				addresses ? delivery.address() : ResidentAddresses.masked(delivery.address()),
				addresses ? delivery.name() : null, delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
				Secrets.masked(delivery.lastAnswer()), delivery.sentAt(), delivery.messageId());
	}

}
