-- schemerge migration plan

BEGIN;

-- drop index public.t_email_idx
--   hazard access-exclusive-lock: table public.t is locked while the index is dropped
DROP INDEX public.t_email_idx;

-- drop column public.t.email
--   hazard data-loss: column email of public.t and its values are dropped
ALTER TABLE public.t DROP COLUMN email;

COMMIT;
