-- schemerge migration plan

BEGIN;

-- alter table public.doc
ALTER TABLE public.doc DISABLE ROW LEVEL SECURITY;

COMMIT;
