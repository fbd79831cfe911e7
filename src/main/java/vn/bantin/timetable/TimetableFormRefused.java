package vn.bantin.timetable;

import java.util.ArrayList;
import java.util.List;

/**
 * A slot or campaign form the timetable rules refuse, with one error per form field at
 * fault (message keys and their arguments), so the page can show each beside its field
 * and keep what the user typed.
 */
class TimetableFormRefused extends RuntimeException {

	private final List<FieldError> errors;

	TimetableFormRefused(List<FieldError> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * What is wrong with one field.
	 *
	 * @param field the form field
	 * @param code the message key
	 * @param args the message arguments
	 */
	record FieldError(String field, String code, Object... args) {

		@Override
		public String toString() {
			return this.field + ": " + this.code + " " + java.util.Arrays.toString(this.args);
		}

	}

	/** Collects the errors of one form; {@link #check()} throws when there are any. */
	static final class Collector implements TimetableForm.Errors {

		private final List<FieldError> errors = new ArrayList<>();

		@Override
		public void reject(String field, String code, Object... args) {
			this.errors.add(new FieldError(field, code, args));
		}

		boolean has(String field) {
			return this.errors.stream().anyMatch((error) -> error.field().equals(field));
		}

		boolean isEmpty() {
			return this.errors.isEmpty();
		}

		void check() {
			if (!this.errors.isEmpty()) {
				throw new TimetableFormRefused(this.errors);
			}
		}

	}

}
