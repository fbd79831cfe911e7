-- Preference links can be revoked (issue 13, point 6). A preference link carries the subscriber's
-- generation at the time it was mailed; the page opens only while the row still has that number.
-- Mailing a new link (asked for by the person or by staff) and leaving every list add one, so every
-- older link stops working at once, without a row per link.
ALTER TABLE subscriber ADD COLUMN preferences_generation BIGINT DEFAULT 0 NOT NULL;
