-- schemerge migration plan

BEGIN;

-- alter type public.pair
ALTER TYPE public.pair ADD ATTRIBUTE c text;

COMMIT;
