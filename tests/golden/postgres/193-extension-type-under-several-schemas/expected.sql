-- schemerge migration plan

BEGIN;

-- add column app.accounts.email
ALTER TABLE app.accounts ADD COLUMN email citext;

COMMIT;
