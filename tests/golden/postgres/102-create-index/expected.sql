-- schemerge migration plan

BEGIN;

-- create index public.t_email_idx
--   hazard blocking-index-build: writes to public.t are blocked while the index is built
CREATE INDEX t_email_idx ON public.t USING btree (email);

COMMIT;
