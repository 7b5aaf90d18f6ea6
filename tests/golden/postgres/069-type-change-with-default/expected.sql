-- schemerge migration plan

BEGIN;

-- alter type of column public.t.flag
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column flag
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN flag TYPE bigint USING flag::bigint;

-- set default of column public.t.flag
ALTER TABLE public.t ALTER COLUMN flag SET DEFAULT 1;

COMMIT;
