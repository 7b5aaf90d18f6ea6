-- schemerge migration plan

BEGIN;

-- create view public.active_t
CREATE VIEW public.active_t AS
SELECT id FROM public.t WHERE active;

COMMIT;
