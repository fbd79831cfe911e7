package vn.bantin.mailroom;

import vn.bantin.commune.TestCommune;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real mailroom in slice tests ({@code @PersistenceTest}) of other modules:
 * {@code @Import(TestMailroom.class)} gives them {@link Mailroom} (the outbox, as no
 * {@code spring.mail.host} is set there) with the commune it names as sender.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailroomSettings.class)
@Import({ Mailroom.class, Outbox.class, TestCommune.class })
public class TestMailroom {

}
