-- schemerge migration plan

BEGIN;

-- drop sequence public.old_counter
DROP SEQUENCE public.old_counter;

COMMIT;
