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
 * Channels take due publications through one mechanism, this table: the
 * {@link vn.bantin.publishing.Handover} hands each to the
 * {@link vn.bantin.publishing.PublicationChannel} bean of its channel at least once and
 * marks it published when the channel accepts it (channels are idempotent by publication
 * id); a channel without a bean yet leaves its publications due. The history page
 * ({@code /admin/publications}) and {@code /api/publications} show every publication.
 *
 * <p>
 * The module uses the content module's API only; content knows nothing of publishing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing")
package vn.bantin.publishing;
