/**
 * The read side of the schedule: what goes out when, for any range, without side effects.
 *
 * <p>
 * Owns the {@link vn.bantin.agenda.Agenda} (what the programme in force plans from now
 * on, and what was recorded before, with conflicts marked: radio occurrences that share a
 * zone at the same time and occurrences whose items overrun their slot), the admin
 * calendar ({@code /admin/agenda}), the JSON API ({@code /api/agenda}), and the
 * per-channel iCalendar feeds with their revocable secrets ({@code CalendarToken}, table
 * {@code calendar_token}).
 *
 * <p>
 * Why a module of its own: it only reads (the timetable's
 * {@link vn.bantin.timetable.ProgrammeInForce}, the items and the publications) and
 * changes with how people look at a schedule (pages, feeds, phones), never with how the
 * timetable is defined or how the engine fires. It plans with the same programme the
 * engine records by, so what it shows is what goes out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agenda")
package vn.bantin.agenda;
