-- schemerge migration plan

BEGIN;

-- set comment on type public.mood
COMMENT ON TYPE public.mood IS 'how it feels';

-- set comment on type public.qty
COMMENT ON DOMAIN public.qty IS 'a quantity';

COMMIT;
