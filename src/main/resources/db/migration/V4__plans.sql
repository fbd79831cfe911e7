-- Plans (kế hoạch) loaded from content/plans/*.md, upserted by their stable id.
CREATE TABLE plan (
  id             VARCHAR(100) NOT NULL PRIMARY KEY,
  number_symbol  VARCHAR(50),
  title          VARCHAR(300) NOT NULL,
  issuer         VARCHAR(200) NOT NULL,
  issued_on      DATE,
  period_start   DATE,
  period_end     DATE,
  body_markdown  VARCHAR      NOT NULL,
  source_file    VARCHAR(500) NOT NULL,
  loaded_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE plan_theme (
  plan_id     VARCHAR(100)  NOT NULL,
  position    INTEGER       NOT NULL,
  theme_key   VARCHAR(60)   NOT NULL,
  title       VARCHAR(300)  NOT NULL,
  description VARCHAR(4000) NOT NULL,
  PRIMARY KEY (plan_id, position),
  CONSTRAINT uk_plan_theme_key UNIQUE (plan_id, theme_key),
  CONSTRAINT fk_plan_theme_plan FOREIGN KEY (plan_id) REFERENCES plan (id) ON DELETE CASCADE
);
