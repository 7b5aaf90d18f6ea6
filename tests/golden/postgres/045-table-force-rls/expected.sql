-- schemerge migration plan

BEGIN;

-- alter table public.doc
ALTER TABLE public.doc FORCE ROW LEVEL SECURITY;

COMMIT;
