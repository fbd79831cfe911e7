package vn.bantin.radio;

/** No radio occurrence has this id (or the entry is not in its playlist). */
class UnknownOccurrence extends RuntimeException {

	private final String id;

	UnknownOccurrence(String id) {
		super("No radio occurrence " + id);
		this.id = id;
	}

	String id() {
		return this.id;
	}

}
