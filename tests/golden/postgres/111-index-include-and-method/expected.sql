-- schemerge migration plan

BEGIN;

-- create index public.t_id_cover
--   hazard blocking-index-build: writes to public.t are blocked while the index is built
CREATE INDEX t_id_cover ON public.t USING btree (id) INCLUDE (v);

-- create index public.t_tags
--   hazard blocking-index-build: writes to public.t are blocked while the index is built
CREATE INDEX t_tags ON public.t USING gin (tags);

COMMIT;
