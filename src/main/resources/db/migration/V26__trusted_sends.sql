-- Issue 13, points 3 and 17 and "letters carry only approved content".
--
-- mailing.again_reason: why a person sent an item to a list that already had it ("send now" with
-- again); required for such a send, shown on the send's page and in the API, and logged.
-- mailing.held_reason / held_items / held_at: a mailing the workers stopped because an item it
-- carries is no longer approved as it was when the mailing was made (held_reason
-- 'item-not-approved', held_items the ids of those items, comma-separated). A held mailing is
-- PAUSED; a person resumes it after the item was approved again, or cancels it.
ALTER TABLE mailing ADD COLUMN again_reason VARCHAR(1000);
ALTER TABLE mailing ADD COLUMN held_reason VARCHAR(40);
ALTER TABLE mailing ADD COLUMN held_items VARCHAR(1000);
ALTER TABLE mailing ADD COLUMN held_at TIMESTAMP(6) WITH TIME ZONE;

-- mailing_item.approved_at: the approval of the item that the mailing carries (the item's
-- approved_at when the mailing was made). A letter is only written while the item is still
-- approved or published with that same approval. Mailings made before this migration carry the
-- item's approval as it stands now.
ALTER TABLE mailing_item ADD COLUMN approved_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE mailing_item SET approved_at = (SELECT i.approved_at FROM item i WHERE i.id = mailing_item.item_id);

-- publication.once_key: '<item>|<CHANNEL>|<target>' on the publications that may exist only once
-- per item, channel and target while they carry the item: those of an on-publish slot (the
-- release), of "publish now" and the first play of an emergency broadcast. The unique index makes
-- "publish now" pressed twice, on two nodes at once, or racing the release trigger, record one
-- publication per channel and target. The key is cleared when such a publication is missed or
-- fails, so that the item may be put out there again. Rows made before this migration have none.
ALTER TABLE publication ADD COLUMN once_key VARCHAR(320);
CREATE UNIQUE INDEX uk_publication_once ON publication (once_key);
