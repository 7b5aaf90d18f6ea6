-- schemerge migration plan

BEGIN;

-- set comment on table public.t
COMMENT ON TABLE public.t IS 'All the things';

COMMIT;
