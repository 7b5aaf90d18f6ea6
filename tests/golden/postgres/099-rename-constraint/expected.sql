-- schemerge migration plan

BEGIN;

-- rename constraint public.t.qty_nonnegative (was t_qty_check)
ALTER TABLE public.t RENAME CONSTRAINT t_qty_check TO qty_nonnegative;

COMMIT;
