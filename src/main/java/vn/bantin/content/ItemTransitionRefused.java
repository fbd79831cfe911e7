package vn.bantin.content;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A workflow action that the item's status does not allow, e.g. approving a draft.
 */
@ResponseStatus(HttpStatus.CONFLICT)
class ItemTransitionRefused extends RuntimeException {

	private final ItemStatus status;

	ItemTransitionRefused(String id, ItemStatus status, String action) {
		super("Item " + id + " is " + status.key() + ": it cannot be " + action + "d now");
		this.status = status;
	}

	ItemStatus status() {
		return this.status;
	}

}
