-- schemerge migration plan

BEGIN;

-- create extension pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- create index public.doc_title_trgm
--   hazard blocking-index-build: writes to public.doc are blocked while the index is built
CREATE INDEX doc_title_trgm ON public.doc USING gin (title public.gin_trgm_ops);

COMMIT;
