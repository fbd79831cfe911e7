-- A province of communes on one deployment (issue 15). Every commune's rows carry commune_id; the
-- single-commune database of before becomes a province of one: its identity row (id 1) is commune 1
-- and every existing row belongs to it. Staff accounts, sign-in failures, the mail signing key and the
-- Quartz tables stay province-wide. Rows of collection tables (item_theme, plan_theme, mailing_item, ...)
-- belong to the commune of their owner, whose key is unique across the province: an item's or plan's
-- key in commune 1 is its slug (unchanged), in another commune "<commune id>~<slug>".

ALTER TABLE commune_identity RENAME TO commune;
ALTER TABLE commune DROP CONSTRAINT IF EXISTS ck_commune_identity_single;
ALTER TABLE commune ALTER COLUMN id SET DATA TYPE BIGINT;
ALTER TABLE commune ADD COLUMN commune_key VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE commune ADD COLUMN time_zone VARCHAR(60) DEFAULT 'Asia/Ho_Chi_Minh' NOT NULL;
ALTER TABLE commune ADD COLUMN archived_at TIMESTAMP(6) WITH TIME ZONE;
-- false only for the placeholder this migration writes when the identity was never stored: the first
-- start then fills it from bantin.commune.* as it always did.
ALTER TABLE commune ADD COLUMN configured BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE commune ALTER COLUMN commune_key DROP DEFAULT;
ALTER TABLE commune ADD CONSTRAINT uk_commune_key UNIQUE (commune_key);
INSERT INTO commune (id, name, short_name, level_name, parent_units, address, phone, email, website_url,
    signer_title, signer_name, locale_tag, updated_at, version, commune_key, time_zone, configured)
  SELECT 1, '', '', '', '', '', '', '', '', '', '', 'vi', CURRENT_TIMESTAMP, 0, 'default', 'Asia/Ho_Chi_Minh', FALSE
  WHERE NOT EXISTS (SELECT 1 FROM commune WHERE id = 1);
CREATE SEQUENCE commune_seq START WITH 2;

-- The host names a commune's public site answers on (without port, lower case): one commune each.
CREATE TABLE commune_host (
  host        VARCHAR(253) NOT NULL PRIMARY KEY,
  commune_id  BIGINT       NOT NULL,
  CONSTRAINT fk_commune_host_commune FOREIGN KEY (commune_id) REFERENCES commune (id) ON DELETE CASCADE
);
CREATE INDEX idx_commune_host_commune ON commune_host (commune_id);

-- commune_id on every commune-owned table: existing rows go to commune 1; afterwards no default, so that
-- an insert that forgets its commune fails instead of landing in commune 1.
ALTER TABLE plan ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE item ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE item_event ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE item_revision ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE api_token ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE publication ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE calendar_token ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE timetable_entry ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE subscriber ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE subscription ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE suppression ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE mailing ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE delivery ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE radio_audio ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE radio_as_run ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE radio_token ADD COLUMN commune_id BIGINT DEFAULT 1 NOT NULL;

ALTER TABLE plan ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE item ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE item_event ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE item_revision ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE api_token ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE publication ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE calendar_token ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE timetable_entry ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE subscriber ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE subscription ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE suppression ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE mailing ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE delivery ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE radio_audio ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE radio_as_run ALTER COLUMN commune_id DROP DEFAULT;
ALTER TABLE radio_token ALTER COLUMN commune_id DROP DEFAULT;

ALTER TABLE plan ADD CONSTRAINT fk_plan_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE item ADD CONSTRAINT fk_item_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE item_event ADD CONSTRAINT fk_item_event_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE item_revision ADD CONSTRAINT fk_item_revision_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE api_token ADD CONSTRAINT fk_api_token_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE publication ADD CONSTRAINT fk_publication_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE calendar_token ADD CONSTRAINT fk_calendar_token_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE timetable_entry ADD CONSTRAINT fk_timetable_entry_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE subscriber ADD CONSTRAINT fk_subscriber_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE subscription ADD CONSTRAINT fk_subscription_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE suppression ADD CONSTRAINT fk_suppression_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE mailing ADD CONSTRAINT fk_mailing_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE delivery ADD CONSTRAINT fk_delivery_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE radio_audio ADD CONSTRAINT fk_radio_audio_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE radio_as_run ADD CONSTRAINT fk_radio_as_run_commune FOREIGN KEY (commune_id) REFERENCES commune (id);
ALTER TABLE radio_token ADD CONSTRAINT fk_radio_token_commune FOREIGN KEY (commune_id) REFERENCES commune (id);

CREATE INDEX idx_item_commune ON item (commune_id, status);
CREATE INDEX idx_plan_commune ON plan (commune_id);
CREATE INDEX idx_item_event_commune ON item_event (commune_id, at);
CREATE INDEX idx_publication_commune ON publication (commune_id, status);
CREATE INDEX idx_mailing_commune ON mailing (commune_id);
CREATE INDEX idx_delivery_commune ON delivery (commune_id, status);
CREATE INDEX idx_radio_audio_commune ON radio_audio (commune_id, status);
CREATE INDEX idx_radio_as_run_commune ON radio_as_run (commune_id, occurrence_start);

-- Keys that were unique in the one commune are unique per commune.
ALTER TABLE timetable_entry DROP CONSTRAINT uk_timetable_entry;
ALTER TABLE timetable_entry ADD CONSTRAINT uk_timetable_entry UNIQUE (commune_id, kind, entry_key);
ALTER TABLE subscriber DROP CONSTRAINT uk_subscriber_address;
ALTER TABLE subscriber ADD CONSTRAINT uk_subscriber_address UNIQUE (commune_id, address_key);
ALTER TABLE mailing DROP CONSTRAINT uk_mailing_origin;
ALTER TABLE mailing ADD CONSTRAINT uk_mailing_origin UNIQUE (commune_id, origin_key);
DROP INDEX uk_publication_once;
CREATE UNIQUE INDEX uk_publication_once ON publication (commune_id, once_key);
ALTER TABLE radio_as_run DROP CONSTRAINT uk_radio_as_run_event;
ALTER TABLE radio_as_run ADD CONSTRAINT uk_radio_as_run_event UNIQUE (commune_id, event_id);
ALTER TABLE suppression DROP CONSTRAINT pk_suppression;
ALTER TABLE suppression ADD CONSTRAINT pk_suppression PRIMARY KEY (commune_id, address_key, list_key);
-- A role is held in one commune: the roles of before are held in commune 1.
CREATE TABLE app_user_grant (
  user_id     BIGINT      NOT NULL,
  commune_id  BIGINT      NOT NULL,
  role        VARCHAR(30) NOT NULL,
  CONSTRAINT pk_app_user_grant PRIMARY KEY (user_id, commune_id, role),
  CONSTRAINT fk_app_user_grant_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_app_user_grant_commune FOREIGN KEY (commune_id) REFERENCES commune (id) ON DELETE CASCADE
);
INSERT INTO app_user_grant (user_id, commune_id, role) SELECT user_id, 1, role FROM app_user_role;
DROP TABLE app_user_role;
CREATE INDEX idx_app_user_grant_commune ON app_user_grant (commune_id);

-- Province-wide roles (PROVINCE_ADMIN, PROVINCE_VIEWER) are the user's, not a commune's.
ALTER TABLE app_user ADD COLUMN province_role VARCHAR(30);
