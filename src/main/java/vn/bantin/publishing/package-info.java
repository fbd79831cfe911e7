/**
 * Publishing: what goes out, where and when, recorded once. When a slot of a timetable
 * fires, a planner records a {@linkplain vn.bantin.publishing.Publications publication}
 * per item, channel, target and occurrence (the planned instant). The row is unique for
 * that key, so a repeated fire or a restart never makes a second one.
 *
 * <p>
 * Each publication is then decided by the {@link vn.bantin.publishing.LatenessPolicy}:
 * web and feeds publish however late (at start-up after downtime), an email goes out
 * while at most {@code bantin.publishing.email-max-lateness} late and otherwise waits for
 * an editor's confirmation, a radio occurrence more than
 * {@code bantin.publishing.radio-max-lateness} late is marked missed. Every decision is
 * stored with its reason ("on time", "late by 3h 5m", ...).
 *
 * <p>
 * The module uses the content module's API only ({@code Channel}); content knows nothing
 * of publishing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing")
package vn.bantin.publishing;
