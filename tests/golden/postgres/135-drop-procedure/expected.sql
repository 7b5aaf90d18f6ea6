-- schemerge migration plan

BEGIN;

-- drop procedure public.noop()
DROP PROCEDURE public.noop();

COMMIT;
