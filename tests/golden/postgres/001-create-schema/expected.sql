-- schemerge migration plan

BEGIN;

-- create schema audit
CREATE SCHEMA audit;

COMMIT;
