/**
 * The nodes that share one database: each node's name ({@link vn.bantin.system.NodeId}),
 * its heartbeat and its role in the clustered scheduler, and the database's clock that
 * every node judges the others by.
 *
 * <p>
 * Why the database's clock: a node whose own clock runs ahead would think every other
 * node dead and take over their work (and one behind would never take over a dead
 * node's). The heartbeat, the claims workers put on rows and the staleness they are
 * judged by are all written and compared with the database's time
 * ({@link vn.bantin.cluster.Nodes#databaseNow()}); the application's {@code Clock} stays
 * the clock of the domain (when an item is due, when a bulletin airs).
 *
 * <p>
 * Nodes coordinate through the engines made for it and nothing home-made: PostgreSQL (row
 * claims with {@code SKIP LOCKED}, unique keys), Quartz's clustered JDBC store and Spring
 * Session JDBC. This module only says who is there; {@code /admin/system} shows it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package vn.bantin.cluster;
