-- schemerge migration plan

BEGIN;

-- drop constraint public.t.t_pkey
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

COMMIT;
