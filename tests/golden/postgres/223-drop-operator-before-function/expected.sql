-- schemerge migration plan

BEGIN;

-- drop operator public.=~(integer, integer)
DROP OPERATOR public.=~ (integer, integer);

-- drop function public.int_close(integer, integer)
DROP FUNCTION public.int_close(integer, integer);

COMMIT;
