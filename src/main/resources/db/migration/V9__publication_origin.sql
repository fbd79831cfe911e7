-- Where a publication comes from and how its hand-over went.
-- slot_key: the timetable slot whose occurrence it belongs to, or 'publish-now' / 'emergency'
-- for items put out at once; campaign_key: the campaign that placed it (counts "airs N times"),
-- null when the slot itself did. attempts / last_error: hand-overs to the channel that failed
-- and the last reason, for retries.
ALTER TABLE publication ADD COLUMN slot_key VARCHAR(100);
ALTER TABLE publication ADD COLUMN campaign_key VARCHAR(100);
ALTER TABLE publication ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE publication ADD COLUMN last_error VARCHAR(500);
CREATE INDEX idx_publication_item ON publication (item_id, channel, target);
CREATE INDEX idx_publication_campaign ON publication (campaign_key, target);
