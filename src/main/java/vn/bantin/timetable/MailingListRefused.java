package vn.bantin.timetable;

import java.util.List;

/**
 * A change to an email list that cannot be made as asked: a field is at fault, the key is
 * already used (by a file or the UI), the list is kept in a file (read-only here), it is
 * unknown, still used by a slot, or someone else saved it meanwhile. Carries one error
 * per field, as message keys and arguments, for the page or the API to explain in the
 * reader's language.
 */
public class MailingListRefused extends RuntimeException {

	private final Reason reason;

	private final List<FieldError> errors;

	MailingListRefused(Reason reason, List<FieldError> errors) {
		super(reason + " " + errors);
		this.reason = reason;
		this.errors = List.copyOf(errors);
	}

	/** Why it is refused. */
	public Reason reason() {
		return this.reason;
	}

	/** What is wrong, per field. */
	public List<FieldError> errors() {
		return this.errors;
	}

	/** Why a change to a list is refused. */
	public enum Reason {

		/** A field is at fault. */
		INVALID,

		/** The key is already used by a list. */
		KEY_TAKEN,

		/** The list is kept in a file in {@code schedules/}. */
		READ_ONLY,

		/** Another officer saved the list after this one opened it. */
		CONFLICT,

		/** A slot still sends to the list. */
		IN_USE,

		/** There is no such list in the UI. */
		UNKNOWN

	}

	/**
	 * What is wrong with one field.
	 *
	 * @param field the form field
	 * @param code the message key
	 * @param args the message arguments
	 */
	public record FieldError(String field, String code, Object... args) {

		@Override
		public String toString() {
			return this.field + ": " + this.code + " " + java.util.Arrays.toString(this.args);
		}

	}

}
