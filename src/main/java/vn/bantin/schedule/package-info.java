/**
 * The durable scheduler: Quartz with its JDBC job store in the application's database, so
 * that schedules live in the database and survive restarts (never in-memory timers).
 *
 * <p>
 * Its tables are created by Flyway. Recurring triggers run on the commune's wall clock
 * ({@code bantin.zone}); build them with {@link vn.bantin.schedule.CommuneTriggers}. On
 * PostgreSQL (profile {@code postgres}) the scheduler is clustered: several nodes share
 * the triggers and each fire runs on one node only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedule")
package vn.bantin.schedule;
