package vn.bantin.timetable;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each entry of a timetable and each of its fields was written, so that checks over
 * the whole folder can point at the line to fix. Entries kept in the database have no
 * place.
 */
final class Locations {

	private final Map<String, Place> places = new HashMap<>();

	/**
	 * A place in a file.
	 *
	 * @param file path relative to the schedules folder
	 * @param line 1-based line
	 * @param column 1-based column
	 */
	record Place(String file, int line, int column) {

		ScheduleProblem error(String message) {
			return new ScheduleProblem(this.file, this.line, this.column, message, false);
		}

		ScheduleProblem warning(String message) {
			return new ScheduleProblem(this.file, this.line, this.column, message, true);
		}

		@Override
		public String toString() {
			return this.file + ":" + this.line + ":" + this.column;
		}

	}

	/**
	 * Records where an entry ({@code field == null}) or one of its fields starts.
	 * @param section {@code zones}, {@code lists}, {@code slots} or {@code campaigns}
	 */
	void put(String section, String key, String field, Place place) {
		this.places.put(name(section, key, field), place);
	}

	/**
	 * Where a field of an entry is ({@code field#value} for one value of a list field),
	 * else where the entry is, else {@code null}.
	 */
	Place of(String section, String key, String field) {
		Place place = (field != null) ? this.places.get(name(section, key, field)) : null;
		if (place == null && field != null && field.contains("#")) {
			// a value of a list field: else the field
			place = this.places.get(name(section, key, field.substring(0, field.indexOf('#'))));
		}
		return (place != null) ? place : this.places.get(name(section, key, null));
	}

	/** Copies where one entry and its fields are from another set of locations. */
	void putEntry(Locations other, String section, String key) {
		String entry = name(section, key, null);
		other.places.forEach((name, place) -> {
			if (name.equals(entry) || name.startsWith(entry + "/")) {
				this.places.put(name, place);
			}
		});
	}

	private static String name(String section, String key, String field) {
		return section + "/" + key + ((field != null) ? "/" + field : "");
	}

}
