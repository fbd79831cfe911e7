package vn.bantin.cluster;

import java.time.Instant;

/**
 * One node as the membership table last saw it.
 *
 * @param id its name ({@link vn.bantin.system.NodeId})
 * @param version the application version it runs
 * @param startedAt when it (last) started
 * @param heartbeatAt its last heartbeat, by the database's clock
 * @param stoppedAt when it left cleanly, or null
 * @param gone whether it stopped or missed its heartbeats for longer than the node
 * timeout
 * @param self whether it is the node answering
 * @param scheduler its part in the scheduler, or null when it has none
 */
record NodeStatus(String id, String version, Instant startedAt, Instant heartbeatAt, Instant stoppedAt, boolean gone,
		boolean self, SchedulerRole scheduler) {

	/**
	 * A node's part in the scheduler (Quartz), from Quartz's own table of instances.
	 *
	 * @param clustered whether the scheduler is clustered (PostgreSQL) or alone (the
	 * embedded database)
	 * @param lastCheckIn the node's last check-in with the clustered scheduler, or null
	 * @param state for the node answering: started, standby or shut down; null for others
	 */
	record SchedulerRole(boolean clustered, Instant lastCheckIn, String state) {
	}

}
