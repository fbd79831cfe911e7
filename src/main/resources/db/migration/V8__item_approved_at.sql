-- When an item was last approved: the scheduler's "publish once approved" instant for
-- items without publish-at, and the lower bound of their planned publication time.
ALTER TABLE item ADD COLUMN approved_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE item SET approved_at = updated_at WHERE status IN ('APPROVED', 'PUBLISHED');
