-- When the scheduler first put an item on a channel: the date residents see, and the order of
-- the site and feeds (newest first).
ALTER TABLE item ADD COLUMN published_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX idx_item_published ON item (status, published_at);
