-- schemerge migration plan

BEGIN;

-- alter generation of column public.t.area
--   hazard data-loss: column area of public.t is dropped and added again as a generated column: its stored values are replaced by computed ones (and it moves to the end of the table)
--   hazard table-rewrite: table public.t is rewritten to compute column area
--   hazard access-exclusive-lock: table public.t is locked while it is rewritten
ALTER TABLE public.t DROP COLUMN area;

-- alter generation of column public.t.area
ALTER TABLE public.t ADD COLUMN area integer GENERATED ALWAYS AS ((w * h) * 2) STORED;

COMMIT;
