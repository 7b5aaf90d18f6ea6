-- schemerge migration plan

BEGIN;

-- alter table public.logs_archive
--   hazard validation-scan: the parent's constraints are checked against public.logs_archive
ALTER TABLE public.logs_archive INHERIT public.logs;

-- alter table public.logs_current
ALTER TABLE public.logs_current NO INHERIT public.logs;

COMMIT;
