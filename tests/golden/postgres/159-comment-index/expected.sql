-- schemerge migration plan

BEGIN;

-- set comment on index public.t_email_idx
COMMENT ON INDEX public.t_email_idx IS 'login lookup';

COMMIT;
