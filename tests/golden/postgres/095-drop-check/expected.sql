-- schemerge migration plan

BEGIN;

-- drop constraint public.t.t_qty_check
ALTER TABLE public.t DROP CONSTRAINT t_qty_check;

COMMIT;
