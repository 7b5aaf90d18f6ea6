-- schemerge migration plan

BEGIN;

-- drop table public.b
--   hazard data-loss: table public.b and all its rows are dropped
DROP TABLE public.b;

COMMIT;
