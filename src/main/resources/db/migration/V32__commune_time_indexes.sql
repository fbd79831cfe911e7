-- The indexes by time that a commune's pages read, led by the commune. The single-column ones
-- (item_updated_at, item_expire_at, idx_item_published) walk every commune's rows to find one
-- commune's newest: on PostgreSQL with 200 communes x 500 items the site's last change
-- (max(updated_at) of the commune's published items, read by every public page) took 0.9 s per
-- request, 0.4 ms with these (bench/province, docs/benchmarks.md). The old ones stay for the
-- province-wide reads (the portal's latest items, the engine's expiries).
CREATE INDEX idx_item_commune_updated ON item (commune_id, updated_at);
CREATE INDEX idx_item_commune_expire ON item (commune_id, expire_at);
CREATE INDEX idx_item_commune_published ON item (commune_id, status, published_at);
