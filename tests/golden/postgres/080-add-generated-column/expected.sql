-- schemerge migration plan

BEGIN;

-- add column public.t.area
--   hazard table-rewrite: table public.t is rewritten to fill column area (volatile default, identity or stored generated column)
--   hazard access-exclusive-lock: table public.t is locked against reads and writes while it is rewritten
ALTER TABLE public.t ADD COLUMN area integer GENERATED ALWAYS AS (w * h) STORED;

COMMIT;
