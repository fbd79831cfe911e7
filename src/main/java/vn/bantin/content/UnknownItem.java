package vn.bantin.content;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No item has this id; answered with 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownItem extends RuntimeException {

	UnknownItem(String id) {
		super("No item " + id);
	}

}
