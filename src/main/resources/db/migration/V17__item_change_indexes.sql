-- Every public page's Last-Modified asks for the latest change and the latest past expiry of the
-- published items (ItemCatalog.lastVisibleChange): indexed, those are a look at one end of an index,
-- not a scan of every item.
CREATE INDEX item_updated_at ON item (updated_at);
CREATE INDEX item_expire_at ON item (expire_at);
