-- What an approval covers. Every change that goes out to residents (text, settings, an
-- attachment, a recording) makes a new revision of the item; an approver approves the
-- revision they saw, and only that one goes out. last_edited_by is who made the current
-- revision: with four-eyes on, that person may not approve it (except the emergency path).
ALTER TABLE item ADD COLUMN revision INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE item ADD COLUMN approved_revision INTEGER;
ALTER TABLE item ADD COLUMN last_edited_by VARCHAR(200);

UPDATE item SET revision = COALESCE((SELECT MAX(r.number) FROM item_revision r WHERE r.item_id = item.id), 1);
UPDATE item SET approved_revision = revision WHERE status IN ('APPROVED', 'PUBLISHED', 'EXPIRED');
UPDATE item SET last_edited_by = (SELECT r.actor FROM item_revision r WHERE r.item_id = item.id
    AND r.number = item.revision);

-- A revision made by an attachment or a recording keeps the text and says what changed.
ALTER TABLE item_revision ADD COLUMN note VARCHAR(500);

-- The item revision a recording was made for: it airs only once that revision (or a
-- later one) is approved. Recordings from before this column air as they did.
ALTER TABLE radio_audio ADD COLUMN item_revision INTEGER;
