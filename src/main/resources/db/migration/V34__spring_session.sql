-- Staff sessions in the database (Spring Session JDBC 4.0, its schema-postgresql.sql), written once for
-- H2 and PostgreSQL: on the postgres profile every node reads and writes its sessions here, so that a
-- user signed in on one node keeps working on another (docs/security.md, sessions across nodes). The
-- embedded H2 setup keeps sessions in the node's memory and leaves these tables empty; they exist there
-- too so that both databases keep one migration history.
-- Flyway owns these tables: spring.session.jdbc.initialize-schema stays 'never'.
-- Province-wide, like the staff accounts: a session is a staff member's, not a commune's (no commune_id,
-- no row-level security). The attributes are Java-serialised objects: BYTEA (VARBINARY on H2).
-- EXPIRY_TIME is in milliseconds since the epoch; every node deletes the expired rows now and then.
CREATE TABLE SPRING_SESSION (
  PRIMARY_ID            CHAR(36)     NOT NULL,
  SESSION_ID            CHAR(36)     NOT NULL,
  CREATION_TIME         BIGINT       NOT NULL,
  LAST_ACCESS_TIME      BIGINT       NOT NULL,
  MAX_INACTIVE_INTERVAL INT          NOT NULL,
  EXPIRY_TIME           BIGINT       NOT NULL,
  PRINCIPAL_NAME        VARCHAR(100),
  CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
  ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES    BYTEA        NOT NULL,
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID)
    ON DELETE CASCADE
);
