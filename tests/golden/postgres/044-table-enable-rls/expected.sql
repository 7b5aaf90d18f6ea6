-- schemerge migration plan

BEGIN;

-- alter table public.doc
ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;

COMMIT;
