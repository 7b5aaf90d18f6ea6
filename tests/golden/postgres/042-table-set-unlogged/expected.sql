-- schemerge migration plan

BEGIN;

-- alter table public.scratch
--   hazard table-rewrite: table public.scratch is rewritten
--   hazard access-exclusive-lock: table public.scratch is locked while it is rewritten
ALTER TABLE public.scratch SET UNLOGGED;

COMMIT;
