-- schemerge migration plan

BEGIN;

-- validate constraint public.c.c_p_fk
--   hazard validation-scan: table public.c is scanned (reads and writes continue)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_fk;

COMMIT;
