-- schemerge migration plan

BEGIN;

-- alter type of column public.t.name
--   hazard table-rewrite: indexes on column name of public.t are rebuilt
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE pg_catalog."C" USING name::text;

COMMIT;
