-- schemerge migration plan

BEGIN;

-- drop function public.item_count()
DROP FUNCTION public.item_count();

-- drop table public.items
--   hazard data-loss: table public.items and all its rows are dropped
DROP TABLE public.items;

COMMIT;
