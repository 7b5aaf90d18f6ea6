-- schemerge migration plan

BEGIN;

-- validate constraint public.t.qty_positive
--   hazard validation-scan: table public.t is scanned (reads and writes continue)
ALTER TABLE public.t VALIDATE CONSTRAINT qty_positive;

COMMIT;
