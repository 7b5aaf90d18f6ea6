CREATE EXTENSION pg_trgm WITH SCHEMA public;
CREATE TABLE public.doc (id integer, title text);
CREATE INDEX doc_title_trgm ON public.doc USING gin (title public.gin_trgm_ops);
