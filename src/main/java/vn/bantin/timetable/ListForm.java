package vn.bantin.timetable;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.bantin.text.VietnameseText;

/**
 * The email list form of the admin UI (and {@code POST /api/lists}): what a
 * {@link Timetable.MailingList} holds. The same fields are the canonical text stored in
 * the database ({@link #fields()}).
 *
 * @param key the list's key (lower-case words joined by dashes)
 * @param name the name people see
 * @param description what it is for, may be blank
 * @param open public (residents may sign up) or internal
 * @param version the version of the stored entry the user started from, {@code null} for
 * a new list
 */
record ListForm(String key, String name, String description, boolean open, Long version) {

	static final int NAME_LENGTH = 200;

	static final int DESCRIPTION_LENGTH = 2000;

	/**
	 * The list this form describes, kept in the database (no source file).
	 * @throws TimetableFormRefused naming every field at fault
	 */
	Timetable.MailingList list() {
		TimetableFormRefused.Collector errors = new TimetableFormRefused.Collector();
		String key = TimetableForm.key(this.key, errors);
		String name = TimetableForm.strip(VietnameseText.nfc(this.name));
		String description = TimetableForm.strip(VietnameseText.nfc(this.description));
		if (name == null) {
			errors.reject("name", "lists.error.name-required");
		}
		else if (name.length() > NAME_LENGTH) {
			errors.reject("name", "lists.error.too-long", NAME_LENGTH);
		}
		if (description != null && description.length() > DESCRIPTION_LENGTH) {
			errors.reject("description", "lists.error.too-long", DESCRIPTION_LENGTH);
		}
		errors.check();
		return new Timetable.MailingList(key, name, description, this.open, null);
	}

	/** The canonical text of every field but the key, for {@link TimetableText}. */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", TimetableForm.text(VietnameseText.nfc(this.name)));
		fields.put("description", TimetableForm.text(VietnameseText.nfc(this.description)));
		fields.put("public", String.valueOf(this.open));
		return fields;
	}

	/** The form a stored entry's canonical text describes. */
	static ListForm read(String key, Map<String, String> fields, Long version) {
		return new ListForm(key, fields.get("name"), fields.get("description"),
				Boolean.parseBoolean(fields.get("public")), version);
	}

	/** The form showing a list as it is. */
	static ListForm of(Timetable.MailingList list, Long version) {
		return new ListForm(list.key(), list.name(), list.description(), list.open(), version);
	}

}
