package vn.bantin.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How nodes see each other ({@code bantin.cluster.*}).
 *
 * @param nodeTimeout a node whose last heartbeat is older than this (by the database's
 * clock) is gone: its claimed work is taken over. Default 30 s.
 * @param heartbeat how often a node writes its heartbeat; at most a third of the timeout,
 * so that two missed beats (a long garbage collection, a slow database) do not make a
 * live node look gone. Default 5 s.
 */
@ConfigurationProperties("bantin.cluster")
record ClusterSettings(@DefaultValue("30s") Duration nodeTimeout, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("500ms") Duration changePoll) {

	ClusterSettings {
		if (nodeTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			nodeTimeout = Duration.ofSeconds(1);
		}
		Duration third = nodeTimeout.dividedBy(3);
		if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(third) > 0) {
			heartbeat = third;
		}
		if (changePoll.compareTo(Duration.ofMillis(50)) < 0) {
			changePoll = Duration.ofMillis(50);
		}
	}

}
