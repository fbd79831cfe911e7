/**
 * The mailroom: the one way mail leaves the application. With {@code spring.mail.host}
 * set, messages go to that SMTP server over a connection reused for many messages (a
 * {@link vn.bantin.mailroom.Mailroom.Round}); without it (the embedded default) they are
 * written as {@code .eml} files under {@code <data-dir>/outbox/}, which the admin page
 * {@code /admin/outbox} lists and shows, so that a fresh start shows the whole loop.
 * Either way each message gets an {@link vn.bantin.mailroom.Outcome} that says what the
 * server answered and whether sending it again is safe: the mailroom tells a failure
 * before the end of the data (safe to send again) from a silence after it (uncertain). It
 * knows nothing of lists, subscribers or items; its settings are
 * {@code bantin.mailroom.*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mailroom")
package vn.bantin.mailroom;
