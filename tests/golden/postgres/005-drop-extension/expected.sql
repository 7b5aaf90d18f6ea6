-- schemerge migration plan

BEGIN;

-- drop extension pgcrypto
DROP EXTENSION pgcrypto;

COMMIT;
