-- schemerge migration plan

BEGIN;

-- drop collation public.bytewise
DROP COLLATION public.bytewise;

COMMIT;
