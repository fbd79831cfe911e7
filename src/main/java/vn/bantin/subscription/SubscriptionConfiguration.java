package vn.bantin.subscription;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduling for {@link PendingPurge} (a plain periodic DELETE needs no
 * Quartz job: every node may run it).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionConfiguration {

}
