/**
 * The durable scheduler: Quartz with its JDBC job store in the application's database, so
 * that schedules live in the database and survive restarts (never in-memory timers).
 *
 * <p>
 * Its tables are created by Flyway. Recurring triggers run on the commune's wall clock
 * ({@code bantin.zone}); build them with {@link vn.bantin.schedule.CommuneTriggers}. On
 * PostgreSQL (profile {@code postgres}) the scheduler is clustered: several nodes share
 * the triggers and each fire runs on one node only.
 *
 * <p>
 * The engine: {@link vn.bantin.timetable.Timetables} holds the timetable in force; one
 * persistent trigger per timed or digest slot fires its next occurrence, which the pure
 * {@link vn.bantin.timetable.Programme} places and which is recorded as publications
 * (then handed to the channels by {@link vn.bantin.publishing.Handover}); items on
 * on-publish slots get a trigger at their release time;
 * {@link vn.bantin.schedule.Broadcast} puts an item out at once (publish now,
 * emergencies). Triggers follow timetable and item changes without a restart, and a sweep
 * at start-up catches up what was missed while down.
 *
 * <p>
 * Timetables come from the {@code schedules/} folder ({@code ScheduleFolder}, read-only
 * in the admin UI) and from the admin UI ({@code StoredTimetables}); both are checked the
 * same way ({@code TimetableCheck}, also run by {@code bantin.jar validate}). What is
 * planned is seen, without side effects, through the {@link vn.bantin.agenda.Agenda}: the
 * admin calendar, {@code /api/agenda} and per-channel iCalendar feeds with revocable
 * tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedule")
package vn.bantin.schedule;
