/**
 * The mailroom: the one way mail leaves the application. With {@code spring.mail.host}
 * set, messages go to that SMTP server over a connection reused for many messages;
 * without it (the embedded default) they are written as {@code .eml} files under
 * {@code <data-dir>/outbox/}, which an admin page lists, so that a fresh start shows the
 * whole loop. Either way each message gets an {@link vn.bantin.mailroom.Outcome} that
 * says what the server answered and whether sending it again is safe. It knows nothing of
 * lists or items.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mailroom")
package vn.bantin.mailroom;
