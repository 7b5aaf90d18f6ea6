-- schemerge migration plan

BEGIN;

-- drop index public.t_ab
--   hazard access-exclusive-lock: table public.t is locked while the index is dropped
DROP INDEX public.t_ab;

-- create index public.t_ab
--   hazard blocking-index-build: writes to public.t are blocked while the index is built
CREATE INDEX t_ab ON public.t USING btree (a, b DESC, c);

COMMIT;
