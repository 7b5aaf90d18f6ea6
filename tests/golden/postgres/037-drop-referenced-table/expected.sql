-- schemerge migration plan

BEGIN;

-- drop constraint public.b.b_a_id_fkey
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- drop table public.a
--   hazard data-loss: table public.a and all its rows are dropped
DROP TABLE public.a;

COMMIT;
