CREATE TEXT SEARCH CONFIGURATION public.simple_en (COPY = pg_catalog.english);
CREATE TABLE public.doc (id integer, body text);
CREATE INDEX doc_fts ON public.doc USING gin (to_tsvector('public.simple_en'::regconfig, body));
