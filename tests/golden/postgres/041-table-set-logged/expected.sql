-- schemerge migration plan

BEGIN;

-- alter table public.cache
--   hazard table-rewrite: table public.cache is rewritten
--   hazard access-exclusive-lock: table public.cache is locked while it is rewritten
ALTER TABLE public.cache SET LOGGED;

COMMIT;
