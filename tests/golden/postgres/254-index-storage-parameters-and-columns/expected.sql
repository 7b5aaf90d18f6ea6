-- schemerge migration plan

BEGIN;

-- drop index public.t_a_idx
--   hazard access-exclusive-lock: table public.t is locked while the index is dropped
DROP INDEX public.t_a_idx;

-- create index public.t_a_idx
--   hazard blocking-index-build: writes to public.t are blocked while the index is built
CREATE INDEX t_a_idx ON public.t USING btree (a, b) WITH (fillfactor=80);

COMMIT;
