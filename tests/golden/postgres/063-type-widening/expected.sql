-- schemerge migration plan

BEGIN;

-- alter type of column public.t.id
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column id
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint;

-- alter type of column public.t.qty
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column qty
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN qty TYPE integer USING qty::integer;

COMMIT;
