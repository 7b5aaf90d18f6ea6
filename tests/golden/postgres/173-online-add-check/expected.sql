-- schemerge migration plan

BEGIN;

-- add constraint public.t.qty_positive
ALTER TABLE public.t ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;

COMMIT;

-- after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its own to keep its lock light):

-- add constraint public.t.qty_positive
--   hazard validation-scan: table public.t is scanned without blocking reads or writes
ALTER TABLE public.t VALIDATE CONSTRAINT qty_positive;
