package vn.bantin.radio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.bantin.BantinWebTest;
import vn.bantin.account.TestAccounts;
import vn.bantin.account.TestApiTokens;
import vn.bantin.content.TestItems;

/**
 * The whole application as {@link BantinWebTest} gives it (the shipped {@code content/}
 * and {@code schedules/}, a {@code MutableClock}), for the playlist tests, shared by all
 * of them:
 * <ul>
 * <li>Quartz does not start, so that no trigger fires in real time behind a test's back
 * (an emergency item's approval schedules one): the tests put emergency items out
 * themselves, as the trigger would, with {@code Broadcast.publishNow};</li>
 * <li>{@link RadioAudio} is the real bean wrapped in a Mockito spy, so that a test can
 * give one item of its own a recording ({@link GivenRecordings}) without depending on how
 * the ingest makes them; every other item gets what the real bean says.</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BantinWebTest
@TestPropertySource(properties = "spring.quartz.auto-startup=false")
@Import({ TestItems.class, TestApiTokens.class, TestAccounts.class })
@MockitoSpyBean(types = RadioAudio.class)
@interface RadioWebTest {

}
