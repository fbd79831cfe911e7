package vn.bantin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.TestItems;
import vn.bantin.content.TestPublishedItems;
import vn.bantin.subscription.TestPreferenceLinks;
import vn.bantin.subscription.TestSubscribers;

/**
 * The whole application behind MockMvc, with real security, a fresh in-memory database,
 * its own data directory and a {@link MutableClock}. Every test class with this
 * annotation (and nothing that changes the configuration) shares one cached context, so
 * tests must not depend on what others left behind: each works with users, items and
 * subscribers of its own. The initial user {@code admin} has the password
 * {@link SignIn#ADMIN_PASSWORD}.
 * <p>
 * Every shared test helper is here ({@link TestAccounts}, {@link TestApiTokens},
 * {@link TestItems}, {@link TestPublishedItems}, {@link TestSubscribers},
 * {@link TestPreferenceLinks}): an {@code @Import} on a test class is part of the
 * context's cache key, so each combination used to start an application of its own (22
 * contexts for what is one configuration). A test class adds an {@code @Import} or a
 * property only when it needs a different application, and says why.
 * <p>
 * Each context's Quartz has a name of its own: Spring registers a job store's data source
 * in Quartz's static connection manager under the scheduler's name, so contexts sharing a
 * name used the data source of the last one made, and failed with "Connection is closed"
 * once that one was closed (seen on CI in whichever test came after).
 * <p>
 * Speech synthesis is off: with it on, every approved radio item is rendered to speech in
 * the background and turns from a script to read live into a synthetic entry at a moment
 * of its own, which no test of playlists or the console can count on. The ingest tests
 * turn it on for themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "bantin.data-dir=target/test-data/${random.uuid}",
		"spring.datasource.url=jdbc:h2:mem:bantin-${random.uuid}",
		"bantin.account.initial-admin-password=" + SignIn.ADMIN_PASSWORD, "bantin.radio.speech-command=",
		SchedulerName.RANDOM })
@AutoConfigureMockMvc
@Import({ MutableClockConfiguration.class, TestAccounts.class, TestApiTokens.class, TestItems.class,
		TestPublishedItems.class, TestSubscribers.class, TestPreferenceLinks.class })
public @interface BantinWebTest {

}
