-- schemerge migration plan

BEGIN;

-- drop table public.items_old
--   hazard data-loss: table public.items_old and all its rows are dropped
DROP TABLE public.items_old;

COMMIT;
