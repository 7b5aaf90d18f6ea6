-- schemerge migration plan

BEGIN;

-- drop not null on column public.t.email
ALTER TABLE public.t ALTER COLUMN email DROP NOT NULL;

COMMIT;
