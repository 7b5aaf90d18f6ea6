-- schemerge migration plan

BEGIN;

-- rename column public.t.display_name (was fullname)
ALTER TABLE public.t RENAME COLUMN fullname TO display_name;

COMMIT;
