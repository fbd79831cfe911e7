/**
 * What should go out when: the timetable and the pure planner.
 *
 * <p>
 * Owns the timetable's definitions (zones, email lists, slots with their
 * {@link vn.bantin.timetable.Recurrence recurrence}, campaigns), read from the
 * {@code schedules/} folder ({@code ScheduleFolder}, {@code TimetableFile}, read-only in
 * the admin UI) and kept in the database when made in the admin UI
 * ({@code StoredTimetables}, table {@code timetable_entry}), merged into the timetable in
 * force ({@link vn.bantin.timetable.Timetables}, which announces each change with
 * {@link vn.bantin.timetable.TimetableChanged}); the admin pages and forms that edit them
 * ({@code /admin/timetables}); the checks both sources share ({@code TimetableCheck},
 * also run by {@code bantin.jar validate} through
 * {@link vn.bantin.timetable.ScheduleFiles}); and the planner, a pure function of the
 * timetable, the items and the airings so far ({@link vn.bantin.timetable.Programme},
 * estimating air time with {@link vn.bantin.timetable.ReadingTime}).
 *
 * <p>
 * {@link vn.bantin.timetable.ProgrammeInForce} is the one programme the application plans
 * with: the engine ({@code schedule}) records what it places and the agenda shows what it
 * plans, so both agree on the timetable, the zone and the reading pace.
 *
 * <p>
 * Email list <em>definitions</em> live here too ({@link vn.bantin.timetable.MailingLists}
 * for the subscriptions' pages): a list is defined in the same files and the same table
 * as the slots that send to it, and is checked with them (a slot names a list that
 * exists; a list in use cannot be deleted). Who is on a list is {@code subscription}'s.
 *
 * <p>
 * Why a module of its own: these change together when the shape of a timetable changes (a
 * new field in a file, a form and its check, what the planner does with it), never with
 * Quartz, and they need no scheduler to run, so the planner can be tested, validated and
 * benchmarked without one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timetable")
package vn.bantin.timetable;
