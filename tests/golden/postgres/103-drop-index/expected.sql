-- schemerge migration plan

BEGIN;

-- drop index public.t_email_idx
--   hazard access-exclusive-lock: table public.t is locked while the index is dropped
DROP INDEX public.t_email_idx;

COMMIT;
