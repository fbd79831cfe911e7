-- Claims of the background workers that run on every node (issue 16). A claim names the worker as
-- "<node>/<worker>" (the node's name, system.NodeId, up to 100 characters, and the worker's own name),
-- so that another node can tell from cluster_node whether the claimer is still alive, and it is dated
-- by the DATABASE's clock (CURRENT_TIMESTAMP), never by a node's own: a claim of a node that is gone is
-- taken over at once, one of a live node only once it is older than the worker's stale-after.

-- deliveries already had both columns: the claimer's name gets room for the worker's suffix
ALTER TABLE delivery ALTER COLUMN claimed_by SET DATA TYPE VARCHAR(140);

-- processings of recordings: PROCESSING rows are owned by one worker, which refreshes claimed_at as it
-- goes; every update of a processing it works on is guarded by its claim
ALTER TABLE radio_audio ADD COLUMN claimed_by VARCHAR(140);
ALTER TABLE radio_audio ADD COLUMN claimed_at TIMESTAMP(6) WITH TIME ZONE;
