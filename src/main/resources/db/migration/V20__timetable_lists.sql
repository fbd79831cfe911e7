-- Email lists may also be created in the admin UI (issue 6): timetable_entry keeps them as kind
-- LIST, with the same canonical text form (name, description, public). The check on kind is
-- replaced (same statements on H2 and PostgreSQL).
ALTER TABLE timetable_entry DROP CONSTRAINT ck_timetable_entry_kind;
ALTER TABLE timetable_entry ADD CONSTRAINT ck_timetable_entry_kind CHECK (kind IN ('SLOT', 'CAMPAIGN', 'LIST'));
