-- schemerge migration plan

BEGIN;

-- create collation public.bytewise
CREATE COLLATION public.bytewise (lc_collate = 'C', lc_ctype = 'C');

-- add column public.t.code
ALTER TABLE public.t ADD COLUMN code text COLLATE public.bytewise;

COMMIT;
