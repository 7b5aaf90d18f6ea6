-- schemerge migration plan

-- outside a transaction:

-- add value 'pending' to type public.status BEFORE 'active'
ALTER TYPE public.status ADD VALUE 'pending' BEFORE 'active';

BEGIN;

-- set default of column public.t.s
ALTER TABLE public.t ALTER COLUMN s SET DEFAULT 'pending';

COMMIT;
