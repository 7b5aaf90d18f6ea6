-- schemerge migration plan

BEGIN;

-- drop constraint public.c.c_p_id_fkey
ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;

COMMIT;
