-- schemerge migration plan

BEGIN;

-- set default privileges on types
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;

COMMIT;
