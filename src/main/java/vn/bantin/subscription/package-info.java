/**
 * Subscriptions: who receives which email list, with their consent. Residents sign up to
 * public lists on the site with double opt-in (a signed, expiring confirmation link),
 * manage their lists from an expiring, revocable link mailed to them on request (joining
 * a list again always takes a confirmation mail) and leave with one click; staff add,
 * remove, import and export subscribers of any list. Addresses that left or bounced are
 * kept on a suppression list that imports never override.
 *
 * <p>
 * {@link vn.bantin.subscription.Audience} is what the mailing module asks: who receives a
 * list now, the links each mail carries, and that an address bounced. The lists
 * themselves are part of the timetables (schedule module).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions")
package vn.bantin.subscription;
