-- schemerge migration plan

BEGIN;

-- rename index public.t_email_lookup (was t_email_idx)
ALTER INDEX public.t_email_idx RENAME TO t_email_lookup;

COMMIT;
