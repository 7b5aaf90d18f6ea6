-- schemerge migration plan

BEGIN;

-- set not null on column public.t.email
ALTER TABLE public.t ADD CONSTRAINT t_email_not_null CHECK (email IS NOT NULL) NOT VALID;

COMMIT;

-- after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its own to keep its lock light):

-- set not null on column public.t.email
--   hazard not-null-on-existing-column: validation fails if a row of public.t holds NULL in email
--   hazard validation-scan: table public.t is scanned without blocking reads or writes
ALTER TABLE public.t VALIDATE CONSTRAINT t_email_not_null;

-- set not null on column public.t.email
ALTER TABLE public.t ALTER COLUMN email SET NOT NULL;

-- set not null on column public.t.email
ALTER TABLE public.t DROP CONSTRAINT t_email_not_null;
