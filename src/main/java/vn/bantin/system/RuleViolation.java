package vn.bantin.system;

/**
 * An input that a module's rules refuse. Names the form field and the message key that
 * explains why, so that a page can show the reason beside the field, in the reader's
 * language.
 */
public class RuleViolation extends RuntimeException {

	private final String field;

	private final String messageKey;

	public RuleViolation(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	/** The form field at fault. */
	public String field() {
		return this.field;
	}

	/** The key in {@code messages*.properties} of the reason. */
	public String messageKey() {
		return this.messageKey;
	}

}
