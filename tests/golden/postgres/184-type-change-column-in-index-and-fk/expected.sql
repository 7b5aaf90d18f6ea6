-- schemerge migration plan

BEGIN;

-- alter type of column public.p.id
--   hazard table-rewrite: table public.p and its indexes are rewritten to convert column id
--   hazard access-exclusive-lock: table public.p is locked against reads and writes during the change
ALTER TABLE public.p ALTER COLUMN id TYPE bigint USING id::bigint;

-- alter type of column public.c.p_id
--   hazard table-rewrite: table public.c and its indexes are rewritten to convert column p_id
--   hazard access-exclusive-lock: table public.c is locked against reads and writes during the change
ALTER TABLE public.c ALTER COLUMN p_id TYPE bigint USING p_id::bigint;

COMMIT;
