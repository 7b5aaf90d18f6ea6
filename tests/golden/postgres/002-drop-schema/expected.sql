-- schemerge migration plan

BEGIN;

-- drop schema staging
DROP SCHEMA staging;

COMMIT;
