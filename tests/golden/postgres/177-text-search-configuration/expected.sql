-- schemerge migration plan

BEGIN;

-- create text search configuration public.simple_en
CREATE TEXT SEARCH CONFIGURATION public.simple_en (
    copy = pg_catalog.english
);

-- create index public.doc_fts
--   hazard blocking-index-build: writes to public.doc are blocked while the index is built
CREATE INDEX doc_fts ON public.doc USING gin ((to_tsvector('public.simple_en'::regconfig, body)));

COMMIT;
