-- schemerge migration plan

BEGIN;

-- alter generation of column public.t.area
ALTER TABLE public.t ALTER COLUMN area DROP EXPRESSION;

COMMIT;
