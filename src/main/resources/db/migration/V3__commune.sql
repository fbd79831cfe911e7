-- The commune's identity: one row, seeded from bantin.commune.* on first start, edited on /admin/commune.
CREATE TABLE commune_identity (
  id            INTEGER      NOT NULL PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  short_name    VARCHAR(100) NOT NULL,
  level_name    VARCHAR(50)  NOT NULL,
  parent_units  VARCHAR(500) NOT NULL,
  address       VARCHAR(500) NOT NULL,
  phone         VARCHAR(50)  NOT NULL,
  email         VARCHAR(200) NOT NULL,
  website_url   VARCHAR(500) NOT NULL,
  logo_file     VARCHAR(200),
  signer_title  VARCHAR(100) NOT NULL,
  signer_name   VARCHAR(100) NOT NULL,
  locale_tag    VARCHAR(20)  NOT NULL,
  updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version       BIGINT       NOT NULL,
  CONSTRAINT ck_commune_identity_single CHECK (id = 1)
);
