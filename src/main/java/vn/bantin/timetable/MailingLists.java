package vn.bantin.timetable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.bantin.content.Channel;

import org.springframework.stereotype.Service;

/**
 * The email lists of the timetables, for the subscriptions' pages and API: every list in
 * force (from {@code schedules/} files and from the admin UI) with its sending rules (the
 * email slots that name it), and the lists created in the UI. A list kept in a file is
 * never changed here; a new key must not be used by any list already.
 */
@Service
public class MailingLists {

	private final Timetables timetables;

	private final StoredTimetables stored;

	private final TimetableWords words;

	MailingLists(Timetables timetables, StoredTimetables stored, TimetableWords words) {
		this.timetables = timetables;
		this.stored = stored;
		this.words = words;
	}

	/**
	 * A sending rule in words, in the reader's language: "Khi đăng" or "07:00, thứ Hai".
	 */
	public String when(SendingRule rule, java.util.Locale locale) {
		return this.timetables.current()
			.slot(rule.slot())
			.map((slot) -> this.words.slot(slot, locale))
			.orElse(rule.slot());
	}

	/** Every list in force, in timetable order (files first). */
	public List<ListView> all() {
		Timetable current = this.timetables.current();
		return current.lists().stream().map((list) -> view(current, list)).toList();
	}

	/** The list in force with this key. */
	public Optional<ListView> list(String key) {
		Timetable current = this.timetables.current();
		return current.lists().stream().filter((list) -> list.key().equals(key)).findFirst().map((list) -> {
			ListView view = view(current, list);
			if (list.source() != null) {
				return view;
			}
			return this.stored.list(key)
				.map((entry) -> new ListView(list, view.rules(), entry.form().version(), entry.updatedBy(),
						entry.updatedAt()))
				.orElse(view);
		});
	}

	/**
	 * Creates a list kept in the database (the admin UI's part of the timetables); it is
	 * in {@link Timetables#current()} once the transaction has committed.
	 * @param list the list (its source is ignored)
	 * @param by who creates it
	 * @return its key
	 * @throws MailingListRefused naming the fields at fault, or the key already used
	 */
	public String create(Timetable.MailingList list, String by) {
		try {
			return this.stored.createList(new ListForm(list.key(), list.name(), list.description(), list.open(), null),
					by);
		}
		catch (TimetableFormRefused ex) {
			throw refused(ex);
		}
	}

	/**
	 * Changes the name, description and whether it is public of a list kept in the
	 * database (its key stays).
	 * @param version the version the officer started from
	 * @throws MailingListRefused when a field is at fault, the list is kept in a file, is
	 * unknown, or was changed by someone else since {@code version}
	 */
	public void update(Timetable.MailingList list, Long version, String by) {
		try {
			this.stored.updateList(list.key(),
					new ListForm(list.key(), list.name(), list.description(), list.open(), version), by);
		}
		catch (TimetableFormRefused ex) {
			throw refused(ex);
		}
		catch (TimetableChangeRefused ex) {
			throw refused(ex);
		}
	}

	/**
	 * Deletes a list kept in the database that no slot sends to.
	 * @throws MailingListRefused when it is kept in a file, unknown, in use or changed
	 * since {@code version}
	 */
	public void delete(String key, Long version) {
		try {
			this.stored.deleteList(key, version);
		}
		catch (TimetableChangeRefused ex) {
			throw refused(ex);
		}
	}

	private static MailingListRefused refused(TimetableFormRefused ex) {
		boolean taken = ex.errors()
			.stream()
			.anyMatch((error) -> error.code().equals("timetable.error.key-file")
					|| error.code().equals("timetable.error.key-taken"));
		return new MailingListRefused(taken ? MailingListRefused.Reason.KEY_TAKEN : MailingListRefused.Reason.INVALID,
				ex.errors()
					.stream()
					.map((error) -> new MailingListRefused.FieldError(error.field(), error.code(), error.args()))
					.toList());
	}

	private static MailingListRefused refused(TimetableChangeRefused ex) {
		MailingListRefused.Reason reason = switch (ex.reason()) {
			case READ_ONLY -> MailingListRefused.Reason.READ_ONLY;
			case CONFLICT -> MailingListRefused.Reason.CONFLICT;
			case IN_USE -> MailingListRefused.Reason.IN_USE;
			case UNKNOWN -> MailingListRefused.Reason.UNKNOWN;
		};
		return new MailingListRefused(reason,
				List.of(new MailingListRefused.FieldError("key", ex.messageKey(), ex.args())));
	}

	private static ListView view(Timetable current, Timetable.MailingList list) {
		List<SendingRule> rules = current.slots()
			.stream()
			.filter((slot) -> slot.channel() == Channel.EMAIL && list.key().equals(slot.list()))
			.map(SendingRule::of)
			.toList();
		return new ListView(list, rules, null, null, null);
	}

	/**
	 * A list in force.
	 *
	 * @param list the list ({@code source} is its file, {@code null} when kept in the
	 * database)
	 * @param rules when it is sent: the email slots that name it
	 * @param version the stored entry's version, {@code null} for a file list
	 * @param updatedBy who last saved it in the UI, or {@code null}
	 * @param updatedAt when, or {@code null}
	 */
	public record ListView(Timetable.MailingList list, List<SendingRule> rules, Long version, String updatedBy,
			Instant updatedAt) {

		public String key() {
			return this.list.key();
		}

		/** Whether it is kept in a file (read-only here). */
		public boolean fromFile() {
			return this.list.source() != null;
		}

	}

	/**
	 * When a list is sent: one email slot naming it.
	 *
	 * @param slot the slot's key
	 * @param name the slot's name
	 * @param kind {@link SlotKind#ON_PUBLISH} (each item as it is published) or
	 * {@link SlotKind#DIGEST} (the items since the previous digest, at its times)
	 * @param times the digest's times of day (empty on publish)
	 * @param days the digest's days (empty: every day)
	 * @param cron the digest's cron expression, or {@code null}
	 */
	public record SendingRule(String slot, String name, SlotKind kind, List<LocalTime> times, Set<DayOfWeek> days,
			String cron) {

		static SendingRule of(Slot slot) {
			Recurrence recurrence = slot.recurrence();
			return new SendingRule(slot.key(), slot.name(), slot.kind(),
					(recurrence != null) ? recurrence.times() : List.of(),
					(recurrence != null) ? recurrence.days() : Set.of(),
					(recurrence != null) ? recurrence.cron() : null);
		}

		/** The key of the slot kind as the API and the files write it. */
		public String kindKey() {
			return this.kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

}
