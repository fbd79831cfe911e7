-- The rows Quartz locks (SELECT ... FOR UPDATE) to serialise the nodes of the clustered
-- scheduler. Quartz inserts a missing one on first use; two nodes started together on an
-- empty database both insert it, and on PostgreSQL the loser's transaction is spoilt by
-- the unique-key failure, so its retries fail too and its scheduler does not start.
-- Present from the migration, they are only ever locked. For the scheduler name of every
-- deployment (org.quartz.scheduler.instanceName: bantin); another name still gets its rows
-- from Quartz. Only inserts: nodes of the previous release ignore them.
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
SELECT 'bantin', 'TRIGGER_ACCESS' WHERE NOT EXISTS (
  SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'bantin' AND LOCK_NAME = 'TRIGGER_ACCESS');
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
SELECT 'bantin', 'STATE_ACCESS' WHERE NOT EXISTS (
  SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'bantin' AND LOCK_NAME = 'STATE_ACCESS');
