-- schemerge migration plan

BEGIN;

-- recreate dependent view public.big_shirts
--   hazard dependents-recreated: dropped and created again around the change of column public.shirt.s
DROP VIEW public.big_shirts;

-- recreate type public.size
--   hazard type-recreated: type public.size is dropped and created again; its columns are converted through text
ALTER TYPE public.size RENAME TO size__schemerge_old;

-- recreate type public.size
CREATE TYPE public.size AS ENUM ('small', 'medium', 'large');

-- recreate type public.size
ALTER TABLE public.shirt ALTER COLUMN s DROP DEFAULT;

-- recreate type public.size
--   hazard table-rewrite: table public.shirt is rewritten to convert column s
--   hazard access-exclusive-lock: table public.shirt is locked against reads and writes while it is rewritten
ALTER TABLE public.shirt ALTER COLUMN s TYPE public.size USING s::text::public.size;

-- recreate type public.size
ALTER TABLE public.shirt ALTER COLUMN s SET DEFAULT 'medium';

-- recreate type public.size
DROP TYPE public.size__schemerge_old;

-- recreate dependent view public.big_shirts
CREATE VIEW public.big_shirts AS
SELECT id FROM public.shirt WHERE s = 'large';

COMMIT;
