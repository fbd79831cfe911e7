package vn.bantin.radio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import vn.bantin.BantinWebTest;

/**
 * The whole application as {@link BantinWebTest} gives it (the shipped {@code content/}
 * and {@code schedules/}, a {@code MutableClock}), for the playlist tests, shared by all
 * of them:
 * <ul>
 * <li>Quartz does not start, so that no trigger fires in real time behind a test's back
 * (an emergency item's approval schedules one): the tests put emergency items out
 * themselves, as the trigger would, with {@code Broadcast.publishNow};</li>
 * <li>speech synthesis is off, so that an item without a recording stays a script to read
 * live (with speech on, the synthetic copy the approval queues would turn it into a
 * synthetic entry at a moment of its own); a test gives an item a recording through the
 * real ingest ({@link vn.bantin.audio.GivenRecordings}).</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BantinWebTest
@TestPropertySource(properties = "spring.quartz.auto-startup=false")
@interface RadioWebTest {

}
