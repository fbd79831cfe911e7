-- The nodes that share this database (cluster.Nodes): one row per node name (system.NodeId), written
-- by the node itself every few seconds with the DATABASE's clock, so that every node judges the others
-- by one clock, never by its own. A node whose heartbeat is older than bantin.cluster.node-timeout, or
-- that left (stopped_at), is gone: workers take over its claimed rows. A node started again under its
-- old name takes its row back. Province-wide: not a commune's data, no row-level security.
CREATE TABLE cluster_node (
  id            VARCHAR(100) NOT NULL PRIMARY KEY,
  version       VARCHAR(64)  NOT NULL,
  started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  heartbeat_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  stopped_at    TIMESTAMP(6) WITH TIME ZONE,
  -- a random value per start: a second node started under the same name takes the row, and the first
  -- one sees its heartbeat refused and says so in its log
  incarnation   VARCHAR(36)  NOT NULL
);
