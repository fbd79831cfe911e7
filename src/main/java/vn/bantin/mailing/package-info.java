/**
 * Mailing: email lists' mail going out. A publication for an email list (on publish, a
 * digest occurrence) or a person's "send now" becomes one
 * {@linkplain vn.bantin.mailing.Mailings mailing} with one delivery row per recipient,
 * all written at once, unique per (mailing, subscriber). Background workers claim due
 * rows in batches (safe for several threads and cluster nodes), compose each letter (HTML
 * and plain text, the commune's identity, unsubscribe headers) and hand it to the
 * mailroom over one reused connection, at a configurable rate. A row is sent only when
 * the server accepted it; temporary failures retry with back-off, permanent ones fail
 * with the server's answer, and a message whose fate is unknown is {@code UNCERTAIN}:
 * never sent again by itself, shown to the officer, who decides.
 *
 * <p>
 * It uses the subscription module (who receives a list), the mailroom (how mail leaves),
 * publishing (the {@link vn.bantin.publishing.PublicationChannel} for email), schedule
 * (the lists and digest slots), content (the items) and commune (the sender's identity).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mailing")
package vn.bantin.mailing;
