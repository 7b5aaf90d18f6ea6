-- schemerge migration plan

BEGIN;

-- create index public.job_pending
--   hazard blocking-index-build: writes to public.job are blocked while the index is built
CREATE INDEX job_pending ON public.job USING btree (run_at) WHERE (state = 'pending');

COMMIT;
