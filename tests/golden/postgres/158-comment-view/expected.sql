-- schemerge migration plan

BEGIN;

-- set comment on view public.v
COMMENT ON VIEW public.v IS 'new text';

COMMIT;
