-- schemerge migration plan

BEGIN;

-- add constraint public.t.qty_positive
ALTER TABLE public.t ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;

COMMIT;

-- outside a transaction (PostgreSQL forbids it inside one):

-- add constraint public.t.qty_positive
--   hazard validation-scan: table public.t is scanned without blocking reads or writes
ALTER TABLE public.t VALIDATE CONSTRAINT qty_positive;
