/**
 * The engine: the durable scheduler that puts the timetable into effect. Quartz with its
 * JDBC job store in the application's database, so that schedules live in the database
 * and survive restarts (never in-memory timers).
 *
 * <p>
 * Its tables are created by Flyway. Recurring triggers run on the commune's wall clock
 * ({@code bantin.zone}); build them with {@link vn.bantin.schedule.CommuneTriggers}. On
 * PostgreSQL (profile {@code postgres}) the scheduler is clustered: several nodes share
 * the triggers and each fire runs on one node only.
 *
 * <p>
 * One persistent trigger per timed or digest slot of the timetable in force
 * ({@link vn.bantin.timetable.Timetables}) fires its next occurrence, which the planner
 * ({@link vn.bantin.timetable.ProgrammeInForce}) places and which is recorded as
 * publications (then handed to the channels by {@link vn.bantin.publishing.Handover});
 * items on on-publish slots get a trigger at their release time
 * ({@link vn.bantin.schedule.DueReleases}); {@link vn.bantin.schedule.Broadcast} puts an
 * item out at once (publish now, emergencies). Triggers follow timetable and item changes
 * without a restart, and a sweep at start-up catches up what was missed while down.
 *
 * <p>
 * Why this package keeps its name: Quartz stores each job's class name in its tables
 * ({@code QRTZ_JOB_DETAILS.JOB_CLASS_NAME}:
 * {@code vn.bantin.schedule.EngineTriggers$SlotJob}, {@code $ReleaseJob},
 * {@code $EmergencyJob}, {@code HandoverTrigger$HandoverJob}), so the job classes, their
 * job and trigger groups and their job data keys must not move or be renamed without a
 * migration that rewrites them. What the timetable is lives in {@code timetable}; what is
 * planned is seen in {@code agenda}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedule")
package vn.bantin.schedule;
