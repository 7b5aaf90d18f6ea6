-- schemerge migration plan

BEGIN;

-- drop column public.t.m
--   hazard data-loss: column m of public.t and its values are dropped
ALTER TABLE public.t DROP COLUMN m;

-- drop type public.mood
DROP TYPE public.mood;

COMMIT;
